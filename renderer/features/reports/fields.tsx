import { Group, SegmentedControl, Select, Stack, Text, type ComboboxItem } from '@mantine/core';
import { AUDIENCE_NOTES, AUDIENCES, type Audience } from '@shared/reports/contract';
import { parseNarrative } from '@shared/reports/narrative';
import { periodContaining, periodLabel, PERIOD_KINDS, type Period, type PeriodKind } from '@shared/reports/period';
import { CountedTextarea } from '../../components/CountedTextarea';
import { today } from '../../components/format';
import { IsoDateInput } from '../../components/IsoDateInput';
import { periodChoices } from './periods';

const KIND_OPTIONS: ComboboxItem[] = Object.entries(PERIOD_KINDS).map(([value, label]) => ({ value, label }));

/** The period: a month, quarter or year picked from a list, or custom first and last days. */
export function PeriodField({ value, onChange, error }: { value: Period; onChange: (period: Period) => void; error?: string | null }) {
  function setKind(kind: PeriodKind) {
    if (kind === value.kind) return;
    onChange(kind === 'custom' ? { ...value, kind } : periodContaining(kind, value.from));
  }
  return (
    <Stack gap={6}>
      <Group align="flex-end" gap="sm" grow>
        <Select label="Period" data={KIND_OPTIONS} value={value.kind} allowDeselect={false} onChange={(kind) => kind && setKind(kind as PeriodKind)} maw={160} />
        {value.kind === 'custom' ? (
          <Group gap="xs" grow align="flex-start">
            <IsoDateInput label="From" value={value.from} onChange={(from) => from && onChange({ ...value, from })} />
            <IsoDateInput label="To" value={value.to} onChange={(to) => to && onChange({ ...value, to })} error={error} />
          </Group>
        ) : (
          <Select
            label={PERIOD_KINDS[value.kind]}
            data={periodChoices(value.kind, today(), value)}
            value={value.from}
            allowDeselect={false}
            searchable
            onChange={(from) => from && onChange(periodContaining(value.kind, from))}
            error={error}
          />
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {value.from} to {value.to} · {periodLabel(value)}
      </Text>
    </Stack>
  );
}

export function AudienceField({ value, onChange, notes = AUDIENCE_NOTES }: { value: Audience; onChange: (audience: Audience) => void; notes?: Record<Audience, string> }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Audience
      </Text>
      <SegmentedControl aria-label="Audience" data={Object.entries(AUDIENCES).map(([v, label]) => ({ value: v, label }))} value={value} onChange={(v) => onChange(v as Audience)} />
      <Text size="xs" c="dimmed">
        {notes[value]}
      </Text>
    </Stack>
  );
}

const NARRATIVE_HELP = 'A blank line starts a paragraph; “- ” a bullet; “## ” a sub-heading';

/** A narrative editor (challenges, next steps, how to get involved) with its rules spelled out. */
export function NarrativeField({ label, value, onChange, maxChars, placeholder, error }: { label: string; value: string; onChange: (value: string) => void; maxChars: number; placeholder: string; error?: string | null }) {
  const blocks = parseNarrative(value);
  const bullets = blocks.filter((b) => b.kind === 'bullets').reduce((n, b) => n + (b.kind === 'bullets' ? b.items.length : 0), 0);
  const paragraphs = blocks.filter((b) => b.kind === 'paragraph').length;
  return (
    <CountedTextarea
      label={label}
      value={value}
      maxChars={maxChars}
      minRows={5}
      placeholder={placeholder}
      description={`${NARRATIVE_HELP}${value.trim() ? ` · ${paragraphs} ${paragraphs === 1 ? 'paragraph' : 'paragraphs'}, ${bullets} ${bullets === 1 ? 'bullet' : 'bullets'}` : ''}`}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
    />
  );
}
