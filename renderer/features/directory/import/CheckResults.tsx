import { Alert, Badge, Group, ScrollArea, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import type { ImportCheck, ImportEntity } from '@shared/directory/imports';
import { countOf, plural } from './fields';

/** What the dry run found: how many rows would do what, and every row problem (row, column, what is wrong). */
export function CheckResults({ entity, check }: { entity: ImportEntity; check: ImportCheck }) {
  const listed = check.problems.length;
  return (
    <>
      <Group gap="xs" aria-label="Dry run counts">
        <Badge variant="light" color="teal" size="lg">
          {check.created.toLocaleString('en')} new
        </Badge>
        <Badge variant="light" color="blue" size="lg">
          {check.updated.toLocaleString('en')} to update
        </Badge>
        <Badge variant="light" color="gray" size="lg">
          {check.skipped.toLocaleString('en')} skipped as duplicates
        </Badge>
        <Badge variant="light" color={check.invalid > 0 ? 'red' : 'gray'} size="lg">
          {check.invalid.toLocaleString('en')} with problems
        </Badge>
      </Group>
      {check.problemCount === 0 ? (
        <Alert color="teal" icon={<IconCircleCheck size={18} />} title="Every row can be imported">
          {countOf(check.created + check.updated, entity)} will be written when you import.
        </Alert>
      ) : (
        <>
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={`${plural(check.problemCount, 'problem')} in ${plural(check.invalid, 'row')}`}>
            Fix the file or the mapping and check again, or import the other rows and leave these out.
            {check.problemCount > listed && ` The first ${listed.toLocaleString('en')} are listed.`}
          </Alert>
          <ScrollArea.Autosize mah={320} type="auto">
            <Table striped fz="sm" aria-label="Row problems" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>Row</Table.Th>
                  <Table.Th w="25%">Column</Table.Th>
                  <Table.Th>Problem</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {check.problems.map((problem, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>{problem.row}</Table.Td>
                    <Table.Td>{problem.column ?? <Text span c="dimmed" size="sm">Whole row</Text>}</Table.Td>
                    <Table.Td>{problem.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      )}
    </>
  );
}
