// The capacity domain's tables, as Kysely sees them (part of db/schema.ts's Database). Column
// meanings are documented in db/migrations/012_resources.ts.

/** A training; its date, time and place live on its meeting (type 'training'). */
export interface TrainingsTable {
  id: string;
  meeting_id: string;
  title: string;
  /** advocacy_tactics | public_speaking | media_relations | engaging_policymakers | digital_organizing | other */
  topic: string;
  /** in_person | online | hybrid */
  format: string;
  trainer_person_id: string | null;
  trainer_organization_id: string | null;
  /** The meeting's start (UTC ISO instant); a training is delivered once this has passed and status is 'scheduled'. */
  starts_at: string;
  /** scheduled | cancelled (the meeting's). */
  status: string;
  description: string;
  /** JSON array of {title, reference}. */
  materials_json: string;
  created_at: string;
  updated_at: string;
}

/** One attendee of a training, the organization they were with at the time, and their feedback. */
export interface TrainingAttendeesTable {
  id: string;
  training_id: string;
  person_id: string;
  organization_id: string | null;
  /** 1–5, null without feedback. */
  rating: number | null;
  comment: string;
}

/** A technical-assistance request from a partner organization. "Assistance resolved" = status 'resolved' (resolved_on). */
export interface TaRequestsTable {
  id: string;
  organization_id: string;
  contact_person_id: string | null;
  /** fundraising | communications | policy_analysis | legal | data_technology | organizational_development | other */
  category: string;
  description: string;
  /** low | medium | high */
  urgency: string;
  provider_person_id: string | null;
  provider_organization_id: string | null;
  /** open | assigned | in_progress | resolved | closed */
  status: string;
  opened_on: string;
  /** The day it became resolved or closed. */
  resolved_on: string | null;
  hours_spent: number;
  outcome: string;
  created_at: string;
  updated_at: string;
}

/** Each status a request went through. */
export interface TaStatusChangesTable {
  id: string;
  request_id: string;
  status: string;
  changed_on: string;
  note: string;
  created_at: string;
}

export interface CapacityTables {
  trainings: TrainingsTable;
  training_attendees: TrainingAttendeesTable;
  ta_requests: TaRequestsTable;
  ta_status_changes: TaStatusChangesTable;
}
