import { flowMetric, type Fact } from './types';

// Media: items published (press releases, op-eds, social posts, PSAs) on the day they went out,
// and media reach — the audience of the coverage earned (its published day) and of the items
// published — per source.

const KINDS: Record<string, string> = { press_release: 'Press releases', op_ed: 'Op-eds', social_post: 'Social posts', psa: 'PSAs' };
const kindLabel = (kind: string) => KINDS[kind] ?? kind.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

async function published(db: Parameters<Parameters<typeof flowMetric>[0]['facts']>[0], from: string, to: string) {
  return db
    .selectFrom('outreach_items')
    .select(['id', 'kind', 'title', 'date', 'reach'])
    .where('status', '=', 'published')
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
}

export const mediaPublished = flowMetric({
  key: 'media_published',
  partLabel: kindLabel,
  async facts(db, from, to) {
    return (await published(db, from, to)).map(
      (r): Fact => ({ date: r.date ?? from, value: 1, part: r.kind, id: r.id, label: r.title, route: '/media', detail: r.reach !== null ? `Reach ${r.reach.toLocaleString('en')}` : '' }),
    );
  },
});

const SOURCES: Record<string, string> = { coverage: 'Coverage earned', published: 'Items published' };

export const mediaReach = flowMetric({
  key: 'media_reach',
  partLabel: (source) => SOURCES[source] ?? source,
  async facts(db, from, to) {
    const coverage = await db
      .selectFrom('coverage_entries')
      .select(['id', 'headline', 'outlet_name', 'published_on', 'reach'])
      .where('published_on', '>=', from)
      .where('published_on', '<=', to)
      .where('reach', 'is not', null)
      .execute();
    const facts: Fact[] = coverage.map((c) => ({ date: c.published_on, value: c.reach ?? 0, part: 'coverage', id: c.id, label: c.headline, route: '/media/coverage', detail: c.outlet_name }));
    for (const r of await published(db, from, to)) {
      if (r.reach !== null) facts.push({ date: r.date ?? from, value: r.reach, part: 'published', id: r.id, label: r.title, route: '/media', detail: kindLabel(r.kind) });
    }
    return facts;
  },
});
