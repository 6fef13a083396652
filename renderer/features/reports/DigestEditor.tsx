import { useState } from 'react';
import { Badge, Button, Divider, Group, List, Menu, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronDown, IconClipboardCopy, IconDeviceFloppy, IconFileDownload, IconFileTypePdf, IconMarkdown, IconMail, IconTrash } from '@tabler/icons-react';
import type { Output } from '@shared/contract';
import { NARRATIVE_MAX, REPORT_KINDS, type DigestFormat, type DigestList, type Report } from '@shared/reports/contract';
import { parseNarrative } from '@shared/reports/narrative';
import { dayLabel, periodProblem } from '@shared/reports/period';
import { call } from '../../api/client';
import { notifyError, notifySuccess } from '../../api/errors';
import { useRpcQuery } from '../../api/queries';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { Section } from '../../components/Section';
import { localPageSize, saveDocument } from '../meetings/documents/saveFile';
import { AudienceField, NarrativeField, PeriodField } from './fields';
import { useReportDraft } from './draft';
import { ReportsNav } from './ReportsNav';

/** What each audience changes in a digest. */
const DIGEST_AUDIENCE_NOTES: Record<Report['audience'], string> = {
  members: 'Every meeting held and coming, the decisions taken, and grant deadlines.',
  funders: 'As for members: every meeting, the decisions and grant deadlines.',
  public: 'Public meetings only (town halls, assemblies, trainings); no decisions and no grant deadlines.',
};

const WHAT: Record<DigestFormat, string> = { pdf: 'the digest PDF', html: 'the digest as HTML', markdown: 'the digest as Markdown' };

/** The update digest: period, audience and "how to get involved", a live preview, and its exports. */
export function DigestEditor({ report }: { report: Report }) {
  const { draft, set, errors, dirty, save, saving, confirmDelete } = useReportDraft(report);
  const [busy, setBusy] = useState(false);

  async function exported(format: DigestFormat): Promise<Output<'reports.digestExport'> | null> {
    if (!(await save())) return null;
    return call('reports.digestExport', { id: report.id, format, pageSize: localPageSize() });
  }

  async function run(task: () => Promise<void>, failure: string) {
    setBusy(true);
    try {
      await task();
    } catch (error) {
      notifyError(failure, error);
    } finally {
      setBusy(false);
    }
  }

  const saveAs = (format: DigestFormat) =>
    run(async () => {
      const file = await exported(format);
      if (file) await saveDocument(file, WHAT[format]);
    }, 'The digest was not exported');

  const copy = (format: 'html' | 'markdown') =>
    run(async () => {
      const file = await exported(format);
      if (!file) return;
      if (format === 'html' && typeof ClipboardItem !== 'undefined' && navigator.clipboard.write) {
        // Both flavours: an email program pastes the formatted HTML, a plain-text field the same text.
        const markdown = await call('reports.digestExport', { id: report.id, format: 'markdown', pageSize: 'A4' });
        await navigator.clipboard.write([
          new ClipboardItem({ 'text/html': new Blob([file.content], { type: 'text/html' }), 'text/plain': new Blob([markdown.content], { type: 'text/plain' }) }),
        ]);
      } else {
        await navigator.clipboard.writeText(file.content);
      }
      notifySuccess(`Copied the digest as ${format === 'html' ? 'HTML: paste it into an email' : 'Markdown'}.`);
    }, 'The digest was not copied');

  return (
    <Page
      title={report.title}
      status={
        <Badge variant="light" color="grape" tt="none">
          {REPORT_KINDS.digest}
        </Badge>
      }
      description="What happened in the period and what is coming after it, with how to get involved. Export it as a PDF, or copy it into an email to members."
      nav={<ReportsNav />}
      actions={
        <>
          <Button variant="default" color="red" leftSection={<IconTrash size={15} />} onClick={confirmDelete}>
            Delete
          </Button>
          <Button variant="default" leftSection={<IconDeviceFloppy size={15} />} onClick={() => void save().then((done) => done && dirty && notifySuccess('The digest was saved.'))} loading={saving} disabled={!dirty}>
            Save
          </Button>
          <Menu position="bottom-end" shadow="md" withinPortal>
            <Menu.Target>
              <Button loading={busy} leftSection={<IconFileDownload size={16} />} rightSection={<IconChevronDown size={13} />}>
                Export
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>Save as</Menu.Label>
              <Menu.Item leftSection={<IconFileTypePdf size={15} />} onClick={() => void saveAs('pdf')}>
                PDF
              </Menu.Item>
              <Menu.Item leftSection={<IconMail size={15} />} onClick={() => void saveAs('html')}>
                HTML (for an email)
              </Menu.Item>
              <Menu.Item leftSection={<IconMarkdown size={15} />} onClick={() => void saveAs('markdown')}>
                Markdown
              </Menu.Item>
              <Menu.Divider />
              <Menu.Label>Copy to the clipboard</Menu.Label>
              <Menu.Item leftSection={<IconClipboardCopy size={15} />} onClick={() => void copy('html')}>
                Copy HTML
              </Menu.Item>
              <Menu.Item leftSection={<IconClipboardCopy size={15} />} onClick={() => void copy('markdown')}>
                Copy Markdown
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </>
      }
    >
      <SimpleGrid cols={{ base: 1, lg: 5 }} spacing="md" style={{ alignItems: 'start' }}>
        <Stack gap="md" style={{ gridColumn: 'span 2' }}>
          <Section title="Settings">
            <TextInput label="Title" value={draft.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} withAsterisk />
            <PeriodField value={draft.period} onChange={(period) => set('period', period)} error={errors['period.to'] ?? errors['period.from'] ?? null} />
            <AudienceField value={draft.audience} onChange={(audience) => set('audience', audience)} notes={DIGEST_AUDIENCE_NOTES} />
            <NarrativeField
              label="How to get involved"
              value={draft.getInvolvedMd}
              onChange={(v) => set('getInvolvedMd', v)}
              maxChars={NARRATIVE_MAX}
              placeholder={'Join a working group, come to the next town hall, share the petition.\n\n- Housing working group: housing@example.org'}
              error={errors.getInvolvedMd ?? null}
            />
          </Section>
        </Stack>
        <div style={{ gridColumn: 'span 3' }}>
          <DigestPreview period={draft.period} audience={draft.audience} getInvolvedMd={draft.getInvolvedMd} title={draft.title} />
        </div>
      </SimpleGrid>
    </Page>
  );
}

function DigestPreview(props: { period: Report['period']; audience: Report['audience']; getInvolvedMd: string; title: string }) {
  const [input] = useDebouncedValue(props, 400);
  const digest = useRpcQuery('reports.digest', input, { enabled: periodProblem(input.period) === null });
  return (
    <Section title="Preview" hint="As the PDF, the HTML and the Markdown print it.">
      {digest.isPending ? (
        <Loading label="Gathering the digest" />
      ) : digest.isError ? (
        <QueryError title="The digest could not be gathered" error={digest.error} onRetry={() => void digest.refetch()} />
      ) : (
        <Stack gap="xs" aria-label="Digest preview">
          <Title order={3} fz="lg">
            {digest.data.title}
          </Title>
          <Text size="sm" c="dimmed">
            {digest.data.coalitionName} · {digest.data.periodLabel}
          </Text>
          <Divider label="What happened" labelPosition="left" />
          {digest.data.happened.map((list) => (
            <DigestListView key={`h-${list.key}`} list={list} />
          ))}
          <Divider label={`What is coming (${digest.data.coming.label})`} labelPosition="left" />
          {digest.data.upcoming.map((list) => (
            <DigestListView key={`c-${list.key}`} list={list} />
          ))}
          {digest.data.getInvolvedMd.trim() && (
            <>
              <Divider label="How to get involved" labelPosition="left" />
              {parseNarrative(digest.data.getInvolvedMd).map((block, i) =>
                block.kind === 'bullets' ? (
                  <List key={i} size="sm">
                    {block.items.map((item, j) => (
                      <List.Item key={j}>{item}</List.Item>
                    ))}
                  </List>
                ) : (
                  <Text key={i} size="sm" fw={block.kind === 'heading' ? 600 : undefined}>
                    {block.text}
                  </Text>
                ),
              )}
            </>
          )}
        </Stack>
      )}
    </Section>
  );
}

function DigestListView({ list }: { list: DigestList }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {list.heading}
      </Text>
      {list.items.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {list.empty}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {list.items.map((item, i) => (
            <List.Item key={i}>
              <Group gap={6} wrap="wrap">
                {item.on && (
                  <Text span size="sm" c="dimmed">
                    {dayLabel(item.on)} ·
                  </Text>
                )}
                <Text span size="sm">
                  {item.title}
                </Text>
                {item.detail && (
                  <Text span size="sm" c="dimmed">
                    — {item.detail}
                  </Text>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
