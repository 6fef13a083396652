import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate, useParams } from 'react-router';
import { BUDGET_BANDS, CONTRIBUTIONS, TIERS } from '@shared/directory/enums';
import type { OrganizationDetail } from '@shared/directory/contract';
import { notifyError, notifySuccess } from '../../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../../api/queries';
import { formatDate } from '../../../components/format';
import { Loading } from '../../../components/Loading';
import { Page } from '../../../components/Page';
import { QueryError } from '../../../components/QueryError';
import { Section } from '../../../components/Section';
import { LabelList, SectorBadge, StageBadge } from '../badges';
import { Affiliations } from '../detail/Affiliations';
import { BackLink, DetailActions, DetailColumns, MissingRecord } from '../detail/DetailLayout';
import { CustomFieldSection } from '../customFields/CustomFieldSection';
import { FieldList } from '../detail/FieldList';
import { HistoryList } from '../detail/HistoryList';
import { Relationships } from '../detail/Relationships';
import { Timeline, type Subject } from '../detail/Timeline';
import { labelOf, typeLabel } from '../labels';
import { MeetingReferences } from '../../meetings/MeetingReferences';
import { OrganizationResources } from '../../resources/OrganizationResources';
import { DIRECTORY_READS } from '../reads';
import { OrganizationFormModal } from './OrganizationForm';

/** /directory/organizations/:id */
export function OrganizationPage() {
  const { id = '' } = useParams();
  const org = useRpcQuery('organizations.get', { id });
  if (org.isError) {
    if (org.error.code === 'not_found' || org.error.code === 'validation') return <MissingRecord what="organization" back="/directory" />;
    return <QueryError title="The organization could not be read" error={org.error} onRetry={() => void org.refetch()} />;
  }
  if (!org.data) return <Loading label="Loading organization" />;
  return <OrganizationView org={org.data} />;
}

function website(url: string) {
  const href = /^https?:\/\//i.test(url) ? url : `https://${url}`;
  return (
    <Anchor href={href} target="_blank" rel="noreferrer" size="sm">
      {url}
    </Anchor>
  );
}

function OrganizationView({ org }: { org: OrganizationDetail }) {
  const navigate = useNavigate();
  const [editing, edit] = useDisclosure(false);
  const remove = useRpcMutation('organizations.delete', { invalidates: DIRECTORY_READS });
  const subject: Subject = { entity: 'organization', id: org.id, name: org.name };

  return (
    <Page
      title={org.name}
      status={<StageBadge stage={org.stage} since={org.stageChangedOn} size="lg" />}
      description={
        <Stack gap={8}>
          <BackLink to="/directory" label="Directory" />
          <Group gap={8}>
            <SectorBadge sector={org.sector} />
            <Text size="sm">{typeLabel(org.type)}</Text>
            {org.tier && (
              <Badge variant="outline" size="sm" radius="sm" tt="none">
                {TIERS[org.tier]} tier
              </Badge>
            )}
            {org.otherNames.length > 0 && (
              <Text size="sm" c="dimmed">
                Also known as {org.otherNames.join(', ')}
              </Text>
            )}
          </Group>
        </Stack>
      }
      actions={
        <DetailActions
          what="organization"
          name={org.name}
          onEdit={edit.open}
          deleting={remove.isPending}
          consequence="Its affiliations, relationships and places in interactions are removed with it."
          references={<MeetingReferences organizationId={org.id} />}
          onDelete={() =>
            remove.mutate(
              { id: org.id },
              {
                onSuccess: () => {
                  notifySuccess(`${org.name} was deleted.`);
                  void navigate('/directory');
                },
                onError: (error) => notifyError('The organization was not deleted', error),
              },
            )
          }
        />
      }
    >
      <DetailColumns
        main={
          <>
            <Section title="Profile">
              <FieldList
                items={[
                  { label: 'Email', value: org.email ? <Anchor href={`mailto:${org.email}`} size="sm">{org.email}</Anchor> : '' },
                  { label: 'Phone', value: org.phone },
                  { label: 'Website', value: org.website ? website(org.website) : '' },
                  { label: 'Address', value: org.address },
                  { label: 'City', value: org.city },
                  { label: 'District', value: org.district },
                  { label: 'Regions', value: org.regions.length ? <LabelList items={org.regions} max={6} /> : '' },
                  { label: 'Issue areas', value: org.issueAreas.length ? <LabelList items={org.issueAreas} max={8} /> : '' },
                  { label: 'Populations', value: org.populations.length ? <LabelList items={org.populations} max={8} /> : '' },
                  { label: 'Contributions', value: org.contributions.map((c) => CONTRIBUTIONS[c]).join(', ') },
                  { label: 'Alignment', value: org.alignment.score === null ? '' : `${org.alignment.score} / 5${org.alignment.note ? ` — ${org.alignment.note}` : ''}` },
                  { label: 'Last contacted', value: formatDate(org.lastContactedOn) },
                  { label: 'Registration number', value: org.registrationNumber },
                  { label: 'Staff size', value: org.staffSize === null ? '' : org.staffSize.toLocaleString('en') },
                  { label: 'Budget band', value: labelOf(BUDGET_BANDS, org.budgetBand) },
                  { label: 'Tags', value: org.tags.length ? <LabelList items={org.tags} max={10} /> : '' },
                  { label: 'Notes', value: org.notes, wide: true },
                ]}
              />
            </Section>
            <CustomFieldSection entity="organization" values={org.custom} />
            <Section title="People" hint="Who works with or for this organization.">
              <Affiliations subject={subject} affiliations={org.affiliations} />
            </Section>
            <OrganizationResources organizationId={org.id} />
            <Section title="Timeline" hint="Calls, emails, meetings, events and notes.">
              <Timeline subject={subject} />
            </Section>
          </>
        }
        side={
          <>
            <Section title="Stage history">
              <ol className="plain-list stage-history" aria-label="Stage history">
                {[...org.stageHistory].reverse().map((s, i) => (
                  <li key={`${s.stage}-${s.changedOn}-${i}`}>
                    <Group justify="space-between" gap="xs">
                      <StageBadge stage={s.stage} />
                      <Text size="xs" c="dimmed">
                        {formatDate(s.changedOn.slice(0, 10))}
                      </Text>
                    </Group>
                  </li>
                ))}
              </ol>
            </Section>
            <Section title="Relationships">
              <Relationships subject={subject} relationships={org.relationships} />
            </Section>
            <Section title="Change history">
              <HistoryList entity="organizations" entityId={org.id} />
            </Section>
          </>
        }
      />
      <OrganizationFormModal
        opened={editing}
        onClose={edit.close}
        organization={org}
        onSaved={(saved) => {
          edit.close();
          notifySuccess(`${saved.name} was saved.`);
        }}
      />
    </Page>
  );
}
