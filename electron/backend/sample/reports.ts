import type { Input, Method, Output } from '@shared/contract';
import { defaultReportTitle, REPORT_SECTION_VALUES } from '@shared/reports/contract';

// The sample coalition's saved reports, through the public methods: last quarter's impact report
// for funders with its challenges and next steps (so "New report from the last" has something to
// copy), and last month's update digest for members with how to get involved. The sample's
// "today" is 2026-11-01.

type Call = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

export async function writeReports(call: Call): Promise<void> {
  const quarter = { kind: 'quarter', from: '2026-07-01', to: '2026-09-30' } as const;
  await call('reports.create', {
    kind: 'impact',
    title: defaultReportTitle('impact', quarter),
    period: quarter,
    audience: 'funders',
    sections: [...REPORT_SECTION_VALUES],
    challengesMd: [
      'Summer is always slow, and this one was slower: two member organizations lost staff, and evening meetings drew fewer people than in the spring.',
      '',
      '## What held us back',
      '- Childcare: parents could not stay for evening town halls',
      '- The bus line to the Eastside Library stopped running after 8 pm',
      '- The state budget delay froze two partners’ programs for six weeks',
    ].join('\n'),
    nextStepsMd: [
      'In the autumn we move the town halls to Saturday mornings and bring the housing campaign to the council.',
      '',
      '- Two daytime town halls, with childcare, in October and November',
      '- Testimony at the housing committee’s hearing',
      '- Translate the member digest into Spanish and Vietnamese',
    ].join('\n'),
    getInvolvedMd: '',
  });
  const month = { kind: 'month', from: '2026-10-01', to: '2026-10-31' } as const;
  await call('reports.create', {
    kind: 'digest',
    title: defaultReportTitle('digest', month),
    period: month,
    audience: 'members',
    sections: [],
    challengesMd: '',
    nextStepsMd: '',
    getInvolvedMd: [
      'There is a place for everyone in the coalition:',
      '',
      '- Join a working group: write to the coordinator and say which issue moves you',
      '- Come to the next town hall and bring a neighbour',
      '- Tell us your story: with your consent, it helps us speak to policymakers',
    ].join('\n'),
  });
}
