import { SubNav } from '../../components/SubNav';

export function PolicyNav() {
  return (
    <SubNav
      label="Policy"
      links={[
        { to: '/policy', label: 'Officials', end: true },
        { to: '/policy/bills', label: 'Bills and policies', end: true },
        { to: '/policy/engagements', label: 'Engagements', end: true },
        { to: '/policy/bodies', label: 'Bodies and committees', end: true },
        { to: '/policy/import', label: 'Import officials', end: true },
      ]}
    />
  );
}
