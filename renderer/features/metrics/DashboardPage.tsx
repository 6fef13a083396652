import { useMemo, useState } from 'react';
import { Badge, Group, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Dashboard, DerivedKey, Headline, SeriesPoint } from '@shared/metrics/contract';
import { useRpcQuery } from '../../api/queries';
import { today } from '../../components/format';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { QueryError } from '../../components/QueryError';
import { ChartCard } from './ChartCard';
import { BarsChart, LinesChart, TargetChart } from './charts';
import { DrillDrawer, type Drill } from './DrillDrawer';
import { MetricsNav } from './MetricsNav';
import { chartGrain, initialPeriod, periodRange, periodTitle, type PeriodChoice } from './period';
import { PeriodSelector } from './PeriodSelector';
import { formatMoney, formatValue } from './reads';

/** Metrics ▸ Dashboard: the coalition's results for a period, every figure and chart opening the records behind it. */
export function DashboardPage() {
  const [choice, setChoice] = useState<PeriodChoice>(() => initialPeriod(today()));
  const { from, to } = periodRange(choice);
  const grain = chartGrain(choice.kind, from, to);
  const dashboard = useRpcQuery('metrics.dashboard', { from, to, grain });
  const [drill, setDrill] = useState<Drill | null>(null);
  const title = periodTitle(choice);
  return (
    <Page fluid title="Metrics" description="What the coalition has achieved against its targets." nav={<MetricsNav />} actions={<PeriodSelector value={choice} onChange={setChoice} />}>
      {dashboard.isPending ? (
        <Loading label="Loading the dashboard" />
      ) : dashboard.isError ? (
        <QueryError title="The dashboard could not be loaded" error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <DashboardBody data={dashboard.data} period={title} onDrill={setDrill} />
      )}
      <DrillDrawer drill={drill} onClose={() => setDrill(null)} />
    </Page>
  );
}

function DashboardBody({ data, period, onDrill }: { data: Dashboard; period: string; onDrill: (drill: Drill) => void }) {
  const byKey = useMemo(() => new Map(data.headlines.map((h) => [h.key, h])), [data.headlines]);
  const headline = (key: DerivedKey) => byKey.get(key);
  const series = (key: DerivedKey): SeriesPoint[] => data.series[key] ?? [];
  const drillPoint = (key: DerivedKey, index: number, part?: string) => {
    const h = headline(key);
    const point = series(key)[index];
    if (!h || !point) return;
    onDrill({ metricId: h.metricId, title: `${h.name}, ${point.label}${part ? ` (${part})` : ''}`, from: point.from, to: point.to, part, unit: h.unit });
  };
  const drillWhole = (key: DerivedKey, part?: { key: string; label: string }) => {
    const h = headline(key);
    if (h) onDrill({ metricId: h.metricId, title: `${h.name}, ${period}${part ? ` — ${part.label}` : ''}`, from: data.from, to: data.to, part: part?.key, unit: h.unit });
  };
  const unavailable = (key: DerivedKey) => (headline(key)?.available === false ? `${headline(key)?.name ?? 'This metric'} waits for its area to be built.` : null);

  const points = series('policy_wins');
  const currencies = [...new Set(series('funding_won').flatMap((p) => p.parts.map((x) => x.key)))];
  const engagementKeys = (['event_reach', 'media_reach', 'grassroots_actions'] as const).filter((k) => headline(k)?.available);
  const members = headline('members');
  const campaigns = headline('campaigns');

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        {data.headlines.filter((h) => h.key !== 'campaigns').map((h) => (
          <HeadlineCard key={h.metricId} headline={h} onOpen={() => h.key && drillWhole(h.key)} />
        ))}
      </SimpleGrid>

      {data.targets.length > 0 && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          {data.targets.map((t) => (
            <ChartCard key={t.metricId} title={`${t.name}: target and actual`} hint={`By ${t.grain}: bars are the actual values, the dashed line the targets. Click a bar for the records behind it.`} period={period}>
              <TargetChart
                label={`${t.name} against its targets`}
                data={t.points.map((p) => ({ label: p.label, actual: p.value, target: p.target }))}
                onPick={(i) => {
                  const p = t.points[i];
                  if (p) onDrill({ metricId: t.metricId, title: `${t.name}, ${p.label}`, from: p.from, to: p.to, unit: t.unit });
                }}
              />
            </ChartCard>
          ))}
        </SimpleGrid>
      )}

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartCard title="Campaign pipeline" hint="Campaigns under way in the period, by status. Click a bar for the campaigns." period={period} empty={unavailable('campaigns') ?? (campaigns?.parts.length ? null : 'No campaign under way in this period.')}>
          <BarsChart
            label="Campaigns by status"
            data={(campaigns?.parts ?? []).map((p) => ({ label: p.label, campaigns: p.value }))}
            series={[{ key: 'campaigns', label: 'Campaigns' }]}
            onPick={(_s, i) => {
              const part = campaigns?.parts[i];
              if (part) drillWhole('campaigns', part);
            }}
          />
        </ChartCard>
        <ChartCard title="Policy wins" hint="Supported bills enacted, by period. Click a bar for the bills." period={period} empty={unavailable('policy_wins')}>
          <BarsChart label="Policy wins by period" data={points.map((p) => ({ label: p.label, wins: p.value ?? 0 }))} series={[{ key: 'wins', label: 'Policy wins' }]} onPick={(_s, i) => drillPoint('policy_wins', i)} />
        </ChartCard>
        <ChartCard title="Funding allocations won" hint="Allocated by the wins, per currency (never added together)." period={period} empty={unavailable('funding_won') ?? (currencies.length ? null : 'No funding allocated by a win in this period.')}>
          <BarsChart
            label="Funding allocations by period and currency"
            data={series('funding_won').map((p) => ({ label: p.label, ...Object.fromEntries(currencies.map((c) => [c, p.parts.find((x) => x.key === c)?.value ?? 0])) }))}
            series={currencies.map((c) => ({ key: c, label: c }))}
            onPick={(c, i) => drillPoint('funding_won', i, c)}
          />
        </ChartCard>
        <ChartCard title="Public engagement" hint="People reached by events, media reach and grassroots actions. Click a bar for the records." period={period} empty={engagementKeys.length ? null : 'Public engagement waits for the advocacy and media areas.'}>
          <BarsChart
            label="Public engagement by period"
            data={(series(engagementKeys[0] ?? 'event_reach')).map((p, i) => ({ label: p.label, ...Object.fromEntries(engagementKeys.map((k) => [k, series(k)[i]?.value ?? 0])) }))}
            series={engagementKeys.map((k) => ({ key: k, label: headline(k)?.name ?? k }))}
            onPick={(k, i) => drillPoint(k as DerivedKey, i)}
          />
        </ChartCard>
        <ChartCard title="Membership growth" hint="Member organizations at the end of each period (today for the current one; none yet for periods to come). Click a point for the members." period={period}>
          <LinesChart label="Members at the end of each period" data={series('members').map((p) => ({ label: p.label, members: p.value }))} series={[{ key: 'members', label: 'Members' }]} onPick={(_s, i) => drillPoint('members', i)} />
        </ChartCard>
        <ChartCard title="Representation" hint={`Members by sector at the end of the period. Click a bar for the organizations.`} period={period} empty={members?.parts.length ? null : 'No member organizations at the end of this period.'}>
          <BarsChart
            label="Members by sector"
            data={(members?.parts ?? []).map((p) => ({ label: p.label, members: p.value }))}
            series={[{ key: 'members', label: 'Members' }]}
            onPick={(_s, i) => {
              const part = members?.parts[i];
              if (part) drillWhole('members', part);
            }}
          />
        </ChartCard>
        <ChartCard title="Money raised against fundraising goals" hint="Payments received in the period, per currency, against the goals of the fundraising campaigns running in it." period={period} empty={unavailable('money_raised') ?? (data.fundraising.length ? null : 'No money raised and no fundraising goal in this period.')}>
          <BarsChart
            label="Money raised and goals per currency"
            data={data.fundraising.map((f) => ({ label: f.currency, raised: f.raised, goal: f.goal }))}
            series={[
              { key: 'raised', label: 'Raised' },
              { key: 'goal', label: 'Goal' },
            ]}
            onPick={(_s, i) => {
              const f = data.fundraising[i];
              if (f) drillWhole('money_raised', { key: f.currency, label: f.currency });
            }}
          />
        </ChartCard>
      </SimpleGrid>
    </Stack>
  );
}

function HeadlineCard({ headline: h, onOpen }: { headline: Headline; onOpen: () => void }) {
  const money = h.unit === 'money' || h.unit === 'amount';
  return (
    <UnstyledButton onClick={onOpen} disabled={!h.available} aria-label={`${h.name}: open the records`} style={{ height: '100%' }}>
      <Paper withBorder p="sm" h="100%">
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" lineClamp={2}>
            {h.name}
          </Text>
          {!h.available ? (
            <Text size="sm" c="dimmed">
              Not recorded yet
            </Text>
          ) : money && h.parts.length > 0 ? (
            h.parts.map((p) => (
              <Text key={p.key} fz={h.parts.length > 1 ? 'md' : 'xl'} fw={700}>
                {formatMoney(p.value, p.key)}
              </Text>
            ))
          ) : (
            <Text fz="xl" fw={700} data-testid={`headline-${h.key ?? h.metricId}`}>
              {money ? '0' : formatValue(h.value ?? 0)}
            </Text>
          )}
          <Group gap={4}>
            {!money && h.available && (
              <Text size="xs" c="dimmed">
                {h.unit}
              </Text>
            )}
            {h.target !== null && (
              <Badge size="xs" variant="light" color={(h.value ?? 0) >= h.target ? 'teal' : 'orange'} tt="none">
                Target {formatValue(h.target)}
              </Badge>
            )}
          </Group>
        </Stack>
      </Paper>
    </UnstyledButton>
  );
}
