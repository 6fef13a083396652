import { SubNav } from '../../components/SubNav';

export function ReportsNav() {
  return (
    <SubNav
      label="Reports"
      links={[
        { to: '/reports', label: 'Impact reports & digests', end: true },
        { to: '/reports/packets', label: 'Briefing packets', end: false },
      ]}
    />
  );
}
