import { Anchor, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { GRANT_STATUSES, IN_KIND_KINDS } from '@shared/resources/contract';
import { useRpcQuery } from '../../api/queries';
import { formatDate } from '../../components/format';
import { Section } from '../../components/Section';
import { trainingHref } from '../capacity/reads';
import { SupportedLinks } from './LinkPickers';
import { money, MoneyList } from './Money';
import { fundraisingHref } from './reads';

function Block({ title, empty, children }: { title: string; empty: boolean; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={3} fz="sm">
        {title}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          None
        </Text>
      ) : (
        children
      )}
    </Stack>
  );
}

/** An organization's contributions, grants, in-kind support, trainings attended and assistance (its directory page). */
export function OrganizationResources({ organizationId }: { organizationId: string }) {
  const data = useRpcQuery('resources.organization', { organizationId }).data;
  if (!data) return null;
  return (
    <Section title="Resources and capacity" hint="Money and support given, trainings its people attended, technical assistance received and given.">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Block title="Contributions" empty={data.contributions.length === 0}>
          <Text size="sm">
            Pledged <MoneyList totals={data.pledged} />; received <MoneyList totals={data.received} />
          </Text>
          {data.contributions.map((c) => (
            <Text size="sm" key={c.id}>
              <Anchor component={Link} to={fundraisingHref(c.fundraisingCampaignId)}>
                {c.fundraisingCampaignName}
              </Anchor>
              : {money(c.pledgedMinor, c.currency)} pledged {formatDate(c.pledgedOn)}, {money(c.receivedMinor, c.currency)} received
            </Text>
          ))}
        </Block>
        <Block title="Grants funded" empty={data.grants.length === 0}>
          {data.grants.map((g) => (
            <Text size="sm" key={g.id}>
              {g.title} ({GRANT_STATUSES[g.status]}): {money(g.awardedMinor ?? g.requestedMinor, g.currency)} {g.awardedMinor === null ? 'requested' : 'awarded'}
            </Text>
          ))}
        </Block>
        <Block title="In-kind support" empty={data.inKind.length === 0}>
          {data.inKind.map((k) => (
            <Text size="sm" key={k.id}>
              {formatDate(k.givenOn)}: {IN_KIND_KINDS[k.kind]}
              {k.hours !== null ? `, ${k.hours} h` : ''}
              {k.valueMinor !== null && k.currency ? `, ${money(k.valueMinor, k.currency)}` : ''}
              <SupportedLinks k={k} inline />
            </Text>
          ))}
        </Block>
        <Block title="Trainings attended" empty={data.trainings.length === 0}>
          {data.trainings.map((t) => (
            <Text size="sm" key={t.id}>
              <Anchor component={Link} to={trainingHref(t.id)}>
                {t.title}
              </Anchor>{' '}
              ({formatDate(t.startsAt.slice(0, 10))}): {t.people.map((p) => p.name).join(', ')}
            </Text>
          ))}
        </Block>
        <Block title="Assistance received" empty={data.assistanceReceived.length === 0}>
          {data.assistanceReceived.map((a) => (
            <Text size="sm" key={a.id}>
              {a.category}: {a.status}
              {a.counterpart ? `, from ${a.counterpart}` : ''} (opened {formatDate(a.openedOn)})
            </Text>
          ))}
        </Block>
        <Block title="Assistance given" empty={data.assistanceGiven.length === 0}>
          {data.assistanceGiven.map((a) => (
            <Text size="sm" key={a.id}>
              {a.category} for {a.counterpart}: {a.status} (opened {formatDate(a.openedOn)})
            </Text>
          ))}
        </Block>
      </SimpleGrid>
    </Section>
  );
}
