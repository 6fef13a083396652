// The metrics domain's tables, as Kysely sees them (part of db/schema.ts's Database).

export interface MetricsTable {
  id: string;
  /** The derived metrics' fixed key; null for entered metrics. */
  key: string | null;
  kind: string;
  name: string;
  unit: string;
  description: string;
  aggregation: string;
  goal_id: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface MetricValuesTable {
  id: string;
  metric_id: string;
  /** YYYY-MM */
  month: string;
  value: number;
  note: string;
  updated_at: string;
}

export interface MetricTargetsTable {
  id: string;
  metric_id: string;
  /** YYYY, YYYY-Qn or YYYY-MM */
  period: string;
  value: number;
  updated_at: string;
}

export interface SurveysTable {
  id: string;
  title: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface SurveyQuestionsTable {
  id: string;
  survey_id: string;
  position: number;
  kind: string;
  prompt: string;
  choices_json: string;
}

export interface SurveyRoundsTable {
  id: string;
  survey_id: string;
  name: string;
  run_on: string;
  created_at: string;
  updated_at: string;
}

export interface SurveyResponsesTable {
  id: string;
  round_id: string;
  organization_id: string;
  answers_json: string;
  created_at: string;
  updated_at: string;
}

export interface MetricTables {
  metrics: MetricsTable;
  metric_values: MetricValuesTable;
  metric_targets: MetricTargetsTable;
  surveys: SurveysTable;
  survey_questions: SurveyQuestionsTable;
  survey_rounds: SurveyRoundsTable;
  survey_responses: SurveyResponsesTable;
}
