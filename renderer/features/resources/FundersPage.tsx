import { Anchor, Table } from '@mantine/core';
import { Link } from 'react-router';
import { useRpcQuery } from '../../api/queries';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { organizationHref } from '../directory/reads';
import { MoneyList } from './Money';
import { ResourcesNav } from './ResourcesNav';

/** The funder view: what each organization pledged and gave across campaigns and grants, per currency. */
export function FundersPage() {
  const list = useRpcQuery('funders.list', {});
  return (
    <Page title="Funders" description="What each organization pledged and gave across fundraising campaigns and grants. Totals are per currency, never added across currencies." nav={<ResourcesNav />}>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <QueryError title="This could not be loaded" error={list.error} />
      ) : (
        <Table striped verticalSpacing="sm" aria-label="Funders">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Pledged</Table.Th>
              <Table.Th>Received</Table.Th>
              <Table.Th>Grants awarded</Table.Th>
              <Table.Th ta="right">In-kind gifts</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((f) => (
              <Table.Tr key={f.organizationId}>
                <Table.Td>
                  <Anchor component={Link} to={organizationHref(f.organizationId)}>
                    {f.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <MoneyList totals={f.pledged} />
                </Table.Td>
                <Table.Td>
                  <MoneyList totals={f.received} />
                </Table.Td>
                <Table.Td>
                  <MoneyList totals={f.grantsAwarded} />
                </Table.Td>
                <Table.Td ta="right">{f.inKind}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Page>
  );
}
