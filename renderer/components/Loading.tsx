import { Center, Loader } from '@mantine/core';

/** A centered spinner with a name screen readers announce. */
export function Loading({ label = 'Loading', fullPage = false }: { label?: string; fullPage?: boolean }) {
  return (
    <Center mih={fullPage ? '100vh' : 240} role="status" aria-label={label}>
      <Loader size="sm" />
    </Center>
  );
}
