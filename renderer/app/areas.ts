import {
  IconAddressBook,
  IconBuildingBank,
  IconCalendarEvent,
  IconChartBar,
  IconHierarchy2,
  IconNews,
  IconPigMoney,
  IconReportAnalytics,
  IconSchool,
  IconScript,
  IconSpeakerphone,
  type Icon,
} from '@tabler/icons-react';

export interface Area {
  path: string;
  label: string;
  icon: Icon;
  /** Sidebar section the area belongs to. */
  section: 'Coalition' | 'Action' | 'Support' | 'Results';
  /** Built areas have real screens; the others show an honest "coming" page. */
  built: boolean;
  /** One sentence: what the area is for. */
  summary: string;
  /** What the area will let the coordinator do (shown while it is not built yet). */
  plans: readonly string[];
}

// Every area of the mission (design brief §2), in sidebar order.
export const AREAS: readonly Area[] = [
  {
    path: '/charter',
    label: 'Charter',
    icon: IconScript,
    section: 'Coalition',
    built: true,
    summary: 'The coalition’s mission, vision, values and shared goals, with adopted versions.',
    plans: [],
  },
  {
    path: '/directory',
    label: 'Directory',
    icon: IconAddressBook,
    section: 'Coalition',
    built: true,
    summary: 'Every partner organization and person the coalition works with, and where each relationship stands.',
    plans: [
      'Organizations by sector and type — nonprofits, grassroots and faith groups, government bodies, foundations — and individual advocates',
      'Issue areas, regions and communities represented, mission alignment and relationship stage',
      'Affiliations of people to organizations, an interaction log, tags, search and saved views',
      'CSV and Excel import with column mapping, export, duplicate detection and merge',
    ],
  },
  {
    path: '/structure',
    label: 'Structure',
    icon: IconHierarchy2,
    section: 'Coalition',
    built: true,
    summary: 'How the coalition governs itself and who has a seat at the table.',
    plans: [
      'Steering committee seats, sector seats, terms and holders',
      'Issue-specific working groups with leads, members and objectives',
      'Membership applications from received to approved or declined',
      'Diverse representation tracked against targets for sectors, communities and regions',
    ],
  },
  {
    path: '/meetings',
    label: 'Meetings',
    icon: IconCalendarEvent,
    section: 'Action',
    built: true,
    summary: 'Planning and recording every coalition meeting, from steering committee to town hall.',
    plans: [
      'Calendar views, agendas, invitations and RSVPs, attendance',
      'Minutes, decisions with votes, and action items with owners and due dates',
      'Calendar (.ics) export and reminders',
    ],
  },
  {
    path: '/advocacy',
    label: 'Advocacy',
    icon: IconSpeakerphone,
    section: 'Action',
    built: true,
    summary: 'Joint campaigns and the grassroots work that carries them.',
    plans: [
      'Campaigns with partners, a policy ask and a charter goal, and key messages approved before they reach documents',
      'Public events — rallies, town halls, community forums — on the meeting calendar, with RSVPs, attendance and reach',
      'Grassroots lobbying: letters, calls, emails and visits counted by target and district; petitions with their signatures over time',
    ],
  },
  {
    path: '/policy',
    label: 'Policy',
    icon: IconBuildingBank,
    section: 'Action',
    built: true,
    summary: 'Policymakers, bills and every engagement with them.',
    plans: [
      'Local, state and national officials with bodies, districts, committees, contacts and staff, imported from CSV or Excel',
      'Stance per campaign or bill as a dated history, who in the coalition holds the relationship, and the members in their district',
      'Bills and policies with a dated status pipeline, sponsors, hearings, the coalition position and funding allocations',
      'Meetings (in the planner), testimony, briefings and letters with follow-ups, and a scorecard to export',
    ],
  },
  {
    path: '/media',
    label: 'Media & stories',
    icon: IconNews,
    section: 'Action',
    built: true,
    summary: 'Media outreach, the coverage it earns, and stories used only as far as consent reaches.',
    plans: [
      'Press releases, op-eds, social posts, PSAs, interviews and panels on a board from idea to published, with a dated history, reach and engagement',
      'Outlets and journalists with the relationship, and a coverage log per campaign with tone and reach',
      'Stories and testimonials with consent (uses, dates, expiry, withdrawal, anonymization) that every generated document respects',
    ],
  },
  {
    path: '/resources',
    label: 'Resources',
    icon: IconPigMoney,
    section: 'Support',
    built: true,
    summary: 'Joint fundraising, grants and in-kind support: the money, time and help that keep the coalition going.',
    plans: [],
  },
  {
    path: '/capacity',
    label: 'Capacity',
    icon: IconSchool,
    section: 'Support',
    built: true,
    summary: 'Trainings with attendance and feedback, and technical-assistance requests followed to resolution.',
    plans: [],
  },
  {
    path: '/metrics',
    label: 'Metrics',
    icon: IconChartBar,
    section: 'Results',
    built: true,
    summary: 'Monitoring and evaluation: what the coalition has achieved against its targets.',
    plans: [],
  },
  {
    path: '/reports',
    label: 'Reports',
    icon: IconReportAnalytics,
    section: 'Results',
    built: true,
    summary: 'Impact reports, update digests and briefing packets: the documents the coalition shares with members, funders, the public and policymakers.',
    plans: [],
  },
];

export const SECTIONS = ['Coalition', 'Action', 'Support', 'Results'] as const;
