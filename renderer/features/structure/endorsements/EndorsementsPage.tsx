import { useState } from 'react';
import { Anchor, Button, Group, Modal, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconSignature } from '@tabler/icons-react';
import { Link } from 'react-router';
import { endorsementInput } from '@shared/structure/contract';
import { notifyError, validateWithSchema } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { EmptyState } from '../../../components/EmptyState';
import { formatDate, today } from '../../../components/format';
import { IsoDateInput } from '../../../components/IsoDateInput';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { QueryError } from '../../../components/QueryError';
import { Section } from '../../../components/Section';
import { EntityPicker } from '../../directory/EntityPicker';
import { organizationHref } from '../../directory/reads';
import { errorText, focusFirstError, onSaveError } from '../formErrors';
import { FormButtons, RowActions } from '../parts';
import { STRUCTURE_READS } from '../reads';
import { StructureNav } from '../StructureNav';

const MISSING = 'missing';

/** Structure → Endorsements: who endorsed each charter version, and the members who have not endorsed the current one. */
export function EndorsementsPage() {
  const versions = useRpcQuery('charter.listVersions', {});
  const [view, setView] = useState<string>(MISSING);
  const [recording, setRecording] = useState<{ organizationId: string | null; version: number } | null>(null);
  const latest = versions.data?.[0]?.number ?? null;

  const record = (organizationId: string | null = null) => latest !== null && setRecording({ organizationId, version: view === MISSING ? latest : Number(view) });
  return (
    <Page
      fluid
      title="Structure"
      description="Which organizations endorsed which version of the charter, when, and who signed for them."
      nav={<StructureNav />}
      actions={
        <Button leftSection={<IconPlus size={15} />} disabled={latest === null} onClick={() => record()}>
          Record endorsement
        </Button>
      }
    >
      {versions.isPending ? (
        <Loading label="Loading the charter versions" />
      ) : versions.isError ? (
        <QueryError title="The charter versions could not be read" error={versions.error} onRetry={() => void versions.refetch()} />
      ) : latest === null ? (
        <EmptyState icon={IconSignature} title="No charter version adopted yet">
          Members endorse an adopted version of the charter. Adopt the charter first, under Charter.
        </EmptyState>
      ) : (
        <>
          <SegmentedControl
            style={{ alignSelf: 'flex-start' }}
            aria-label="Show"
            value={view}
            onChange={setView}
            data={[{ value: MISSING, label: `Not endorsed version ${latest}` }, ...versions.data.map((v) => ({ value: String(v.number), label: `Version ${v.number}` }))]}
          />
          {view === MISSING ? <NotEndorsed onRecord={(id) => record(id)} /> : <VersionEndorsements version={Number(view)} />}
        </>
      )}
      <Modal opened={recording !== null} onClose={() => setRecording(null)} title="Record an endorsement">
        {recording && <EndorsementForm organizationId={recording.organizationId} version={recording.version} versions={(versions.data ?? []).map((v) => v.number)} onDone={() => setRecording(null)} />}
      </Modal>
    </Page>
  );
}

function NotEndorsed({ onRecord }: { onRecord: (organizationId: string) => void }) {
  const missing = useRpcQuery('structure.endorsements.notEndorsed', {});
  if (missing.isPending) return <Loading label="Finding members without an endorsement" />;
  if (missing.isError) return <QueryError title="The list could not be read" error={missing.error} onRetry={() => void missing.refetch()} />;
  const { version, organizations } = missing.data;
  return (
    <Section title={`Members that have not endorsed version ${version ?? ''} (${organizations.length})`} hint="Organizations at the member stage without an endorsement of the latest adopted charter.">
      {organizations.length === 0 ? (
        <Text size="sm" c="dimmed">
          Every member has endorsed the current charter.
        </Text>
      ) : (
        <Table striped verticalSpacing={4} aria-label="Members without an endorsement">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Last endorsed</Table.Th>
              <Table.Th w={160} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {organizations.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Anchor component={Link} to={organizationHref(o.id)} size="sm">
                    {o.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={o.lastEndorsed ? undefined : 'dimmed'}>
                    {o.lastEndorsed ? `Version ${o.lastEndorsed}` : 'Never'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Button size="compact-xs" variant="light" onClick={() => onRecord(o.id)}>
                      Record endorsement
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

function VersionEndorsements({ version }: { version: number }) {
  const list = useRpcQuery('structure.endorsements.list', { charterVersion: version });
  const remove = useRpcMutation('structure.endorsements.delete', { invalidates: STRUCTURE_READS });
  if (list.isPending) return <Loading label="Loading the endorsements" />;
  if (list.isError) return <QueryError title="The endorsements could not be read" error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Section title={`Endorsed version ${version} (${list.data.length})`}>
      {list.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No organization has endorsed this version yet.
        </Text>
      ) : (
        <Table striped verticalSpacing={4} aria-label={`Endorsements of version ${version}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Organization</Table.Th>
              <Table.Th>Endorsed on</Table.Th>
              <Table.Th>Signed by</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>
                  <Anchor component={Link} to={organizationHref(e.organization.id)} size="sm">
                    {e.organization.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(e.endorsedOn)}</Table.Td>
                <Table.Td>{e.signedBy || e.person?.name || '—'}</Table.Td>
                <Table.Td>
                  <RowActions
                    what={`${e.organization.name}’s endorsement`}
                    onDelete={() => remove.mutate({ id: e.id }, { onError: (error) => notifyError('The endorsement was not deleted', error) })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

interface EndorsementValues {
  organizationId: string | null;
  charterVersion: string;
  endorsedOn: string | null;
  signedBy: string;
  personId: string | null;
}

function EndorsementForm({ organizationId, version, versions, onDone }: { organizationId: string | null; version: number; versions: number[]; onDone: () => void }) {
  const save = useRpcMutation('structure.endorsements.save', { invalidates: STRUCTURE_READS });
  const form = useForm<EndorsementValues>({
    mode: 'controlled',
    initialValues: { organizationId, charterVersion: String(version), endorsedOn: today(), signedBy: '', personId: null },
    validate: (values) => ({
      ...validateWithSchema(endorsementInput, toInput(values)),
      ...(values.organizationId ? {} : { organizationId: 'Choose the endorsing organization.' }),
    }),
  });
  const toInput = (v: EndorsementValues) => ({ ...v, organizationId: v.organizationId ?? '', charterVersion: Number(v.charterVersion), endorsedOn: v.endorsedOn ?? '' });
  const submit = form.onSubmit(
    (values) => save.mutate(toInput(values), { onSuccess: onDone, onError: onSaveError(form, 'The endorsement was not saved') }),
    focusFirstError(form),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="New endorsement">
      <Stack gap="sm">
        <EntityPicker
          entity="organization"
          label="Organization"
          value={form.values.organizationId}
          onChange={(picked) => form.setFieldValue('organizationId', picked?.id ?? null)}
          error={errorText(form, 'organizationId')}
        />
        <Group grow align="flex-start">
          <Select label="Charter version" allowDeselect={false} data={versions.map((n) => ({ value: String(n), label: `Version ${n}` }))} {...form.getInputProps('charterVersion')} />
          <IsoDateInput label="Endorsed on" withAsterisk {...form.getInputProps('endorsedOn')} />
        </Group>
        <TextInput label="Signed by" placeholder="Name and title of who signed" {...form.getInputProps('signedBy')} />
        <FormButtons onCancel={onDone} submit="Record endorsement" loading={save.isPending} />
      </Stack>
    </form>
  );
}
