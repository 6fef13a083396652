// What one briefing packet prints, gathered from the workspace (gather.ts) and laid out by
// layout.ts. Plain, display-ready data (labels, not keys; '' for "not recorded"), so it crosses to
// the render workers as a structured clone and the layout never reads the database.

export interface PacketOfficial {
  id: string;
  name: string;
  title: string;
  /** Local, State / provincial, National. */
  level: string;
  /** The body they sit in (a council, a chamber, an agency); '' when none. */
  body: string;
  district: string;
  jurisdiction: string;
  party: string;
  email: string;
  phone: string;
  officeAddress: string;
  website: string;
  /** "2025-01-01 to 2028-12-31", "from 2025-01-01", or ''. */
  term: string;
}

export interface PacketCommittee {
  name: string;
  /** Chair, Vice-chair, Ranking member, Member. */
  role: string;
}

export interface PacketMessage {
  title: string;
  /** Policymakers, Media, Public, Members. */
  audience: string;
  message: string;
  talkingPoints: string[];
}

/** A campaign that targets the official, with its approved messages only. */
export interface PacketCampaign {
  name: string;
  status: string;
  ask: string;
  /** Why this official is a target (the target's note). */
  note: string;
  messages: PacketMessage[];
}

export interface PacketBill {
  identifier: string;
  title: string;
  status: string;
  statusOn: string;
  /** The coalition's position (Support, Oppose, Support if amended, Monitor, or ''). */
  position: string;
  /** Why the bill is in the packet: a campaign's target, sponsored by the official… */
  why: string;
}

export interface PacketFunding {
  bill: string;
  program: string;
  /** Formatted with its currency ("$ 1,250,000", "€ 300,000"). */
  amount: string;
  fiscalYear: string;
}

export interface PacketStance {
  on: string;
  /** The campaign or bill the stance is about. */
  subject: string;
  stance: string;
  evidence: string;
  recordedBy: string;
}

export interface PacketScore {
  bill: string;
  position: string;
  action: string;
  on: string;
}

export interface PacketEngagement {
  on: string;
  kind: string;
  title: string;
  /** Who from the coalition took part. */
  attendees: string;
  outcome: string;
  /** The follow-up agreed, with its state ("Send the cost study — due 2026-12-01, open"). */
  followUp: string;
}

export interface PacketFollowUp {
  due: string;
  text: string;
  owner: string;
  /** The engagement it came from. */
  from: string;
}

export interface PacketStory {
  title: string;
  /** The text the consent allows (the anonymized version where required). */
  text: string;
  /** The storyteller's name, or 'Anonymous'. */
  storyteller: string;
  anonymized: boolean;
}

export interface PacketDistrict {
  /** The official's district (or jurisdiction), as written on their record; '' when none. */
  name: string;
  memberOrganizations: number;
  /** The first member organizations' names (at most a line's worth). */
  organizationNames: string[];
  people: number;
  /** Grassroots actions by kind: from the district, and aimed at the official (from anywhere). */
  grassroots: { kind: string; fromDistrict: number; atOfficial: number }[];
  /** The newest stories consent lets policymakers see (at most PACKET_STORIES)… */
  stories: PacketStory[];
  /** …and how many more there are. */
  moreStories: number;
}

export interface PacketRelationship {
  name: string;
  /** Person or Organization. */
  kind: string;
  primary: boolean;
  note: string;
}

export interface PacketStaffer {
  name: string;
  role: string;
  email: string;
  phone: string;
}

export interface PacketData {
  /** The day the packet is for (YYYY-MM-DD): which stories may be printed, what is open. */
  day: string;
  official: PacketOfficial;
  committees: PacketCommittee[];
  campaigns: PacketCampaign[];
  bills: PacketBill[];
  funding: PacketFunding[];
  /** Every stance recorded, newest first. */
  stances: PacketStance[];
  scorecard: PacketScore[];
  /** Every engagement, newest first. */
  engagements: PacketEngagement[];
  /** Follow-ups not done yet, soonest due first. */
  followUps: PacketFollowUp[];
  district: PacketDistrict;
  relationships: PacketRelationship[];
  staffers: PacketStaffer[];
}

/** Who the packet speaks for, and how it is printed: the same for every packet of a batch. */
export interface PacketFrame {
  coalitionName: string;
  logo: Buffer | null;
  pageSize: 'A4' | 'LETTER';
  /** The footer's date; fixed in tests so the same data gives the same bytes. */
  createdAt: string;
  author: string;
}
