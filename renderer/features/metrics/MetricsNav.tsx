import { SubNav } from '../../components/SubNav';

export function MetricsNav() {
  return (
    <SubNav
      label="Metrics"
      links={[
        { to: '/metrics', label: 'Dashboard', end: true },
        { to: '/metrics/catalogue', label: 'Catalogue', end: false },
        { to: '/metrics/surveys', label: 'Surveys', end: false },
      ]}
    />
  );
}
