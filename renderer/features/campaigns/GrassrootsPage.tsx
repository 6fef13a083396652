import { Alert, Anchor, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { grassrootsInput, type GrassrootsInput } from '@shared/campaigns/contract';
import { notifyError, notifySuccess, validateWithSchema } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { formatDate, today } from '../../components/format';
import { IsoDateInput } from '../../components/IsoDateInput';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { EntityPicker } from '../directory/EntityPicker';
import { focusFirstError, onSaveError } from '../structure/formErrors';
import { FormButtons, RowActions } from '../structure/parts';
import { AdvocacyNav } from './AdvocacyNav';
import { GrassrootsTotalsView } from './GrassrootsTotalsView';
import { ACTION_KIND_OPTIONS, actionCount } from './labels';
import { CAMPAIGN_READS, campaignHref } from './reads';

type Values = Omit<GrassrootsInput, 'id' | 'campaignId' | 'count'> & { campaignId: string | null; count: number | string; reporterName: string };

/** Advocacy → Grassroots: record counts reported by partners, and the totals by campaign, official and district. */
export function GrassrootsPage() {
  const [params, setParams] = useSearchParams();
  const campaignId = params.get('campaign');
  const filter = campaignId ? { campaignId } : {};
  const totals = useRpcQuery('campaigns.grassroots.totals', filter);
  const actions = useRpcQuery('campaigns.grassroots.list', filter);
  const choices = useRpcQuery('campaigns.choices', {});
  const remove = useRpcMutation('campaigns.grassroots.delete', { invalidates: CAMPAIGN_READS });
  const campaigns = (choices.data?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Page fluid title="Advocacy" description="Letters, calls, emails, petition signatures and visits, counted by target and district." nav={<AdvocacyNav />}>
      <Group>
        <Select
          label="Campaign"
          placeholder="All campaigns"
          clearable
          searchable
          w={360}
          data={campaigns}
          value={campaignId}
          onChange={(id) => setParams(id ? { campaign: id } : {})}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Paper withBorder p="lg">
          <Title order={2} fz="md" mb="sm">
            Record grassroots actions
          </Title>
          <GrassrootsForm key={campaignId ?? 'all'} campaignId={campaignId} campaigns={campaigns} officials={(choices.data?.officials ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Paper>
        <Section title="Totals">
          {totals.isPending ? (
            <Loading label="Adding up" />
          ) : totals.isError ? (
            <QueryError title="The totals could not be read" error={totals.error} onRetry={() => void totals.refetch()} />
          ) : (
            <GrassrootsTotalsView totals={totals.data} byCampaign={!campaignId} columns={2} />
          )}
        </Section>
      </SimpleGrid>
      <Section title="Counts recorded" hint="Newest first.">
        {actions.isPending ? (
          <Loading label="Loading the counts" />
        ) : actions.isError ? (
          <QueryError title="The counts could not be read" error={actions.error} onRetry={() => void actions.refetch()} />
        ) : actions.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing recorded yet.
          </Text>
        ) : (
          <Table striped verticalSpacing={4} aria-label="Grassroots counts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Day</Table.Th>
                <Table.Th>Campaign</Table.Th>
                <Table.Th>Actions</Table.Th>
                <Table.Th>Target official</Table.Th>
                <Table.Th>District</Table.Th>
                <Table.Th>Reported by</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {actions.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDate(a.on)}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={campaignHref(a.campaign.id)} size="sm">
                      {a.campaign.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{actionCount(a.kind, a.count)}</Table.Td>
                  <Table.Td>{a.official?.name ?? '—'}</Table.Td>
                  <Table.Td>{a.district || '—'}</Table.Td>
                  <Table.Td>{a.reportedBy?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    <RowActions
                      what={`${actionCount(a.kind, a.count)} on ${formatDate(a.on)}`}
                      onDelete={() =>
                        modals.openConfirmModal({
                          title: `Delete ${actionCount(a.kind, a.count)} of ${formatDate(a.on)}?`,
                          labels: { confirm: 'Delete', cancel: 'Cancel' },
                          confirmProps: { color: 'red' },
                          onConfirm: () => remove.mutate({ id: a.id }, { onError: (e) => notifyError('The count was not deleted', e) }),
                        })
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
    </Page>
  );
}

function GrassrootsForm({ campaignId, campaigns, officials }: { campaignId: string | null; campaigns: { value: string; label: string }[]; officials: { value: string; label: string }[] }) {
  const save = useRpcMutation('campaigns.grassroots.save', { invalidates: CAMPAIGN_READS });
  const blank: Values = { campaignId, kind: 'letter', count: '', officialId: null, district: '', on: today(), reportedByOrganizationId: null, reporterName: '', notes: '' };
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: blank,
    validate: ({ reporterName: _, ...values }) =>
      values.campaignId === null ? { campaignId: 'Choose the campaign these actions were for.' } : validateWithSchema(grassrootsInput, { ...values, count: values.count === '' ? 0 : Number(values.count) }),
  });
  const submit = form.onSubmit(({ reporterName: _, ...values }) => {
    if (values.campaignId === null) return;
    const input = { ...values, campaignId: values.campaignId, count: Number(values.count) };
    save.mutate(input, {
      onSuccess: (saved) => {
        notifySuccess(`${actionCount(saved.kind, saved.count)} recorded for ${saved.campaign.name}.`);
        form.setValues({ ...blank, campaignId: values.campaignId, on: values.on, reportedByOrganizationId: values.reportedByOrganizationId, reporterName: form.values.reporterName });
      },
      onError: onSaveError(form, 'The count was not recorded'),
    });
  }, focusFirstError(form));
  return (
    <form onSubmit={submit} noValidate aria-label="Record grassroots actions">
      <Stack gap="sm">
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={16} />} p="xs">
          Record totals as partners report them (“120 letters to the mayor from Ward 4”). Never individual constituents: no names, no addresses.
        </Alert>
        <Select label="Campaign" withAsterisk searchable data={campaigns} {...form.getInputProps('campaignId')} />
        <Group grow align="flex-start">
          <Select label="Kind" data={ACTION_KIND_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} />
          <NumberInput label="How many" withAsterisk min={1} allowDecimal={false} thousandSeparator="," data-autofocus {...form.getInputProps('count')} />
          <IsoDateInput label="Day" withAsterisk {...form.getInputProps('on')} />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Target official"
            clearable
            searchable
            data={officials}
            nothingFoundMessage="No official by that name (add officials under Policy)"
            {...form.getInputProps('officialId')}
          />
          <TextInput label="District" placeholder="Ward 4" {...form.getInputProps('district')} />
        </Group>
        <EntityPicker
          entity="organization"
          label="Reported by"
          value={form.values.reportedByOrganizationId}
          valueName={form.values.reporterName || undefined}
          onChange={(picked) => {
            form.setFieldValue('reportedByOrganizationId', picked?.id ?? null);
            form.setFieldValue('reporterName', picked?.name ?? '');
          }}
        />
        <Textarea label="Notes" autosize minRows={1} maxRows={4} {...form.getInputProps('notes')} />
        <FormButtons onCancel={() => form.setValues(blank)} submit="Record" loading={save.isPending} />
      </Stack>
    </form>
  );
}
