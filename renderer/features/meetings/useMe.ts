import { useLocalStorage } from '@mantine/hooks';

/**
 * The person "My action items" is about. The app has no sign-in and the coalition profile has no
 * "me" setting, so each computer remembers the choice (localStorage).
 */
export function useMe() {
  return useLocalStorage<{ id: string; name: string } | null>({ key: 'coalition-desk:me', defaultValue: null, getInitialValueInEffect: false });
}
