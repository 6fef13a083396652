import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDeviceFloppy, IconFileTypePdf, IconTrash } from '@tabler/icons-react';
import { useParams } from 'react-router';
import type { Input } from '@shared/contract';
import { NARRATIVE_MAX, REPORT_KINDS, REPORT_SECTIONS, REPORT_SECTION_VALUES, type Report, type ReportSection } from '@shared/reports/contract';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '../../api/errors';
import { useRpcQuery } from '../../api/queries';
import { today } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { localPageSize, saveDocument } from '../meetings/documents/saveFile';
import { DigestEditor } from './DigestEditor';
import { AudienceField, NarrativeField, PeriodField } from './fields';
import { periodProblem } from '@shared/reports/period';
import { useReportDraft } from './draft';
import { ReportsNav } from './ReportsNav';

/** /reports/:id: the impact report editor, or the digest screen for a digest. */
export function ReportPage() {
  const { id = '' } = useParams();
  const report = useRpcQuery('reports.get', { id });
  if (report.isPending) return <Loading label="Loading the report" fullPage />;
  if (report.isError) {
    return (
      <Page title="Report" nav={<ReportsNav />}>
        <QueryError title="The report could not be read" error={report.error} onRetry={() => void report.refetch()} />
      </Page>
    );
  }
  return report.data.kind === 'digest' ? <DigestEditor key={report.data.id} report={report.data} /> : <ImpactEditor key={report.data.id} report={report.data} />;
}

function ImpactEditor({ report }: { report: Report }) {
  const { draft, set, errors, dirty, save, saving, confirmDelete } = useReportDraft(report);
  const [exporting, setExporting] = useState(false);

  async function exportPdf() {
    setExporting(true);
    try {
      if (!(await save())) return;
      const file = await call('reports.impactPdf', { id: report.id, pageSize: localPageSize(), today: today() });
      await saveDocument(file, `the impact report (${file.pages} pages, ${file.charts} charts)`);
    } catch (error) {
      notifyError('The impact report was not made', error);
    } finally {
      setExporting(false);
    }
  }

  function toggle(section: ReportSection, on: boolean) {
    set('sections', on ? REPORT_SECTION_VALUES.filter((s) => s === section || draft.sections.includes(s)) : draft.sections.filter((s) => s !== section));
  }

  return (
    <Page
      title={report.title}
      status={
        <Badge variant="light" tt="none">
          {REPORT_KINDS.impact}
        </Badge>
      }
      description="Choose the period, audience and sections, write the challenges and next steps, then export the PDF. The numbers are read again at every export."
      nav={<ReportsNav />}
      actions={
        <>
          <Button variant="default" color="red" leftSection={<IconTrash size={15} />} onClick={confirmDelete}>
            Delete
          </Button>
          <Button variant="default" leftSection={<IconDeviceFloppy size={15} />} onClick={() => void save().then((done) => done && dirty && notifySuccess('The report was saved.'))} loading={saving} disabled={!dirty}>
            Save
          </Button>
          <Button leftSection={<IconFileTypePdf size={15} />} onClick={() => void exportPdf()} loading={exporting}>
            Export PDF
          </Button>
        </>
      }
    >
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md" style={{ alignItems: 'start' }}>
        <Stack gap="md" style={{ gridColumn: 'span 2' }}>
          <Section title="Settings">
            <TextInput label="Title" value={draft.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} withAsterisk />
            <PeriodField value={draft.period} onChange={(period) => set('period', period)} error={errors['period.to'] ?? errors['period.from'] ?? null} />
            <AudienceField value={draft.audience} onChange={(audience) => set('audience', audience)} />
            <Checkbox.Group label="Sections" description="In the order they print; a section with nothing for the period says so." value={draft.sections}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
                {REPORT_SECTION_VALUES.map((s) => (
                  <Checkbox key={s} value={s} label={REPORT_SECTIONS[s]} checked={draft.sections.includes(s)} onChange={(e) => toggle(s, e.currentTarget.checked)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Section>
          <Section title="Narrative" hint="Kept with the report, and copied when the next one starts from it.">
            <NarrativeField
              label="Challenges"
              value={draft.challengesMd}
              onChange={(v) => set('challengesMd', v)}
              maxChars={NARRATIVE_MAX}
              placeholder={'What held the coalition back this period.\n\n- Evening turnout fell\n- Two partners lost funding'}
              error={errors.challengesMd ?? null}
            />
            <NarrativeField
              label="Next steps"
              value={draft.nextStepsMd}
              onChange={(v) => set('nextStepsMd', v)}
              maxChars={NARRATIVE_MAX}
              placeholder={'What comes next.\n\n- Two daytime town halls\n- Publish the housing scorecard'}
              error={errors.nextStepsMd ?? null}
            />
          </Section>
        </Stack>
        <HeadlinePreview period={draft.period} audience={draft.audience} />
      </SimpleGrid>
    </Page>
  );
}

/** The headline numbers (the dashboard's, for the same period) and one line per section, as the PDF will print them. */
function HeadlinePreview({ period, audience }: Input<'reports.preview'>) {
  const [input] = useDebouncedValue({ period, audience }, 300);
  const problem = periodProblem(input.period);
  const valid = problem === null;
  const preview = useRpcQuery('reports.preview', input, { enabled: valid });
  return (
    <Section title="Preview" hint="The metrics dashboard’s figures for this period: the PDF prints these.">
      {!valid ? (
        <Alert color="yellow">{problem}</Alert>
      ) : preview.isPending ? (
        <Loading label="Reading the figures" />
      ) : preview.isError ? (
        <QueryError title="The figures could not be read" error={preview.error} onRetry={() => void preview.refetch()} />
      ) : (
        <Stack gap="sm">
          <Title order={3} fz="sm">
            {preview.data.periodLabel}
          </Title>
          <SimpleGrid cols={2} spacing="xs" aria-label="Headline numbers preview">
            {preview.data.headlines.map((h) => (
              <div key={h.key}>
                <Text fw={700} fz="lg" c={h.value === 0 || h.display === 'None recorded' ? 'dimmed' : 'blue.8'} lh={1.2}>
                  {h.display}
                </Text>
                <Text size="xs" c="dimmed">
                  {h.label}
                </Text>
              </div>
            ))}
          </SimpleGrid>
          <Stack gap={6} mt="xs">
            {preview.data.sections.map((s) => (
              <Text key={s.section} size="xs" c={s.hasData ? undefined : 'dimmed'}>
                <Text span fw={600} size="xs">
                  {REPORT_SECTIONS[s.section]}:
                </Text>{' '}
                {s.summary}
              </Text>
            ))}
          </Stack>
        </Stack>
      )}
    </Section>
  );
}
