import { Group, Pagination, Text } from '@mantine/core';

/** The rows a paged list screen asks for at a time. */
export const LIST_PAGE = 50;

/** Below a paged list: how many there are and the pages, shown once there is more than one page. */
export function ListPager({ total, page, onChange, noun }: { total: number; page: number; onChange: (page: number) => void; noun: string }) {
  if (total <= LIST_PAGE) return null;
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed">
        {total.toLocaleString('en')} {noun}
      </Text>
      <Pagination total={Math.ceil(total / LIST_PAGE)} value={page} onChange={onChange} aria-label={`Pages of ${noun}`} />
    </Group>
  );
}
