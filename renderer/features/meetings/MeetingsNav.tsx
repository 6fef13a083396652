import { SubNav } from '../../components/SubNav';

export function MeetingsNav() {
  return (
    <SubNav
      label="Meetings"
      links={[
        { to: '/meetings', label: 'Calendar', end: true },
        { to: '/meetings/action-items', label: 'Action items', end: true },
      ]}
    />
  );
}
