import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconCopyPlus, IconMail, IconPlus, IconReportAnalytics } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { AUDIENCES, defaultReportTitle, REPORT_SECTION_VALUES, type ReportKind, type ReportSummary } from '@shared/reports/contract';
import { notifyError, notifySuccess } from '../../api/errors';
import { useRpcMutation, useRpcQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { today } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { lastWhole } from './periods';
import { REPORT_READS, reportHref } from './reads';
import { ReportsNav } from './ReportsNav';

/** Reports: the saved impact reports and update digests, and the ways to start a new one. */
export function ReportsPage() {
  const list = useRpcQuery('reports.list', {});
  return (
    <Page
      title="Reports"
      description="Impact reports for members, funders and the public, and update digests to send to members. Each keeps its settings and narrative, so the next one starts from the last."
      nav={<ReportsNav />}
    >
      {list.isPending ? (
        <Loading label="Loading the reports" />
      ) : list.isError ? (
        <QueryError title="The reports could not be read" error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="lg">
          <KindSection kind="impact" reports={list.data.filter((r) => r.kind === 'impact')} />
          <KindSection kind="digest" reports={list.data.filter((r) => r.kind === 'digest')} />
        </Stack>
      )}
    </Page>
  );
}

const HINTS: Record<ReportKind, string> = {
  impact: 'A PDF with headline numbers, charts, stories, challenges and next steps for a month, quarter or year.',
  digest: 'What happened and what is coming, as a PDF or ready to paste into an email (HTML or Markdown).',
};

function KindSection({ kind, reports }: { kind: ReportKind; reports: ReportSummary[] }) {
  const navigate = useNavigate();
  const create = useRpcMutation('reports.create', { invalidates: REPORT_READS });
  const next = useRpcMutation('reports.createNext', { invalidates: REPORT_READS });
  const label = kind === 'impact' ? 'impact report' : 'digest';

  function startNew() {
    const period = lastWhole(kind === 'impact' ? 'quarter' : 'month', today());
    create.mutate(
      {
        kind,
        title: defaultReportTitle(kind, period),
        period,
        audience: 'members',
        sections: kind === 'impact' ? [...REPORT_SECTION_VALUES] : [],
        challengesMd: '',
        nextStepsMd: '',
        getInvolvedMd: '',
      },
      { onSuccess: (report) => void navigate(reportHref(report.id)), onError: (error) => notifyError(`The ${label} was not created`, error) },
    );
  }

  function fromLast() {
    next.mutate(
      { kind },
      {
        onSuccess: (report) => {
          notifySuccess(`Started ${report.title} from the last ${label}: its audience, sections and narrative are copied.`);
          void navigate(reportHref(report.id));
        },
        onError: (error) => notifyError(`The ${label} was not created`, error),
      },
    );
  }

  const buttons = (
    <Group gap="xs">
      <Button leftSection={kind === 'impact' ? <IconPlus size={15} /> : <IconMail size={15} />} onClick={startNew} loading={create.isPending}>
        New {label}
      </Button>
      {reports.length > 0 && (
        <Button variant="default" leftSection={<IconCopyPlus size={15} />} onClick={fromLast} loading={next.isPending}>
          New {label} from the last
        </Button>
      )}
    </Group>
  );

  return (
    <Section title={kind === 'impact' ? 'Impact reports' : 'Update digests'} hint={HINTS[kind]}>
      {reports.length === 0 ? (
        <EmptyState icon={kind === 'impact' ? IconReportAnalytics : IconMail} title={`No ${label} yet`} action={buttons}>
          {kind === 'impact'
            ? 'Start one for last quarter: choose the audience and sections, write the challenges and next steps, then export the PDF.'
            : 'Start one for last month: check what happened and what is coming, add how to get involved, then export it.'}
        </EmptyState>
      ) : (
        <>
          <Table striped highlightOnHover verticalSpacing={6} aria-label={kind === 'impact' ? 'Impact reports' : 'Update digests'}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Title</Table.Th>
                <Table.Th>Period</Table.Th>
                <Table.Th>Audience</Table.Th>
                <Table.Th>Last changed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reports.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={reportHref(r.id)} size="sm" fw={500}>
                      {r.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.periodLabel}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" tt="none">
                      {AUDIENCES[r.audience]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {new Date(r.updatedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {buttons}
        </>
      )}
    </Section>
  );
}
