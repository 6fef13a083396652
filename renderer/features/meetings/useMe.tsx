import { useLocalStorage } from '@mantine/hooks';
import { EntityPicker } from '../directory/EntityPicker';

/**
 * The person "My action items" is about. The app has no sign-in and the coalition profile has no
 * "me" setting, so each computer remembers the choice (localStorage).
 */
export function useMe() {
  return useLocalStorage<{ id: string; name: string } | null>({ key: 'coalition-desk:me', defaultValue: null, getInitialValueInEffect: false });
}

/** Choose who "me" is (remembered on this computer). */
export function MePicker() {
  const [me, setMe] = useMe();
  return (
    <EntityPicker
      entity="person"
      label="I am"
      description="Remembered on this computer."
      value={me?.id ?? null}
      valueName={me?.name}
      onChange={(p) => setMe(p ? { id: p.id, name: p.name } : null)}
    />
  );
}
