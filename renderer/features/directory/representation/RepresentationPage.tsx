import { useState } from 'react';
import { Alert, Group, MultiSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Stage } from '@shared/directory/enums';
import { DIMENSION_VALUES } from '@shared/directory/representation';
import { useRpcQuery } from '../../../api/queries';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { QueryError } from '../../../components/QueryError';
import { STAGE_OPTIONS } from '../labels';
import { members } from './model';
import { RepresentationChart } from './RepresentationChart';
import { TargetsPanel } from './TargetsPanel';
import { DirectoryNav } from '../DirectoryNav';

/** Directory → Representation: the members by sector, type, region and population, against targets. */
export function RepresentationPage() {
  const [stages, setStages] = useState<Stage[]>(['member']);
  const summary = useRpcQuery('representation.summary', { stages });
  const populations = useRpcQuery('vocabulary.list', { kind: 'population' });
  const data = summary.data;
  const unmet = data?.targets.filter((t) => !t.met) ?? [];

  return (
    <Page
      fluid
      title="Directory"
      description="Who the coalition’s members are — by sector, type, region and population — against the representation targets you set."
      nav={
        <DirectoryNav />
      }
    >
      <Group gap="md" align="flex-end" wrap="wrap">
        <MultiSelect
          label="Count as members"
          description="Organizations at these stages"
          w={360}
          size="xs"
          data={STAGE_OPTIONS}
          value={stages}
          onChange={(v) => {
            // At least one stage: an empty choice would count nobody.
            if (v.length > 0) setStages(v as Stage[]);
          }}
        />
        {data && (
          <Text size="sm" role="status" aria-live="polite">
            <strong>{members(data.members)}</strong> counted
            {data.unlisted.region > 0 ? ` · ${data.unlisted.region.toLocaleString('en')} list no region` : ''}
            {data.unlisted.population > 0 ? ` · ${data.unlisted.population.toLocaleString('en')} list no population` : ''}
          </Text>
        )}
      </Group>

      {summary.isPending ? (
        <Loading label="Loading representation" />
      ) : summary.isError ? (
        <QueryError title="The representation figures could not be read" error={summary.error} onRetry={() => void summary.refetch()} />
      ) : data ? (
        <Stack gap="md">
          {unmet.length > 0 && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={`${unmet.length} ${unmet.length === 1 ? 'target is' : 'targets are'} not met`}>
              <Text size="sm">
                {unmet.map((t) => t.label).join(', ')}. Bars below target are red; click a bar or a name to see those members.
              </Text>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
            {DIMENSION_VALUES.map((dimension) => (
              <RepresentationChart key={dimension} summary={data} dimension={dimension} stages={stages} />
            ))}
          </SimpleGrid>
          <TargetsPanel summary={data} populations={populations.data ?? []} />
        </Stack>
      ) : null}
    </Page>
  );
}
