/** Metric definitions, VoC and CX results as the API returns them. */
export const METRIC_CATEGORIES = ['CX', 'COMMERCIAL', 'OPERATIONAL'] as const;
export type MetricCategory = (typeof METRIC_CATEGORIES)[number];
export const METRIC_UNITS = ['percent', 'score', 'count', 'currency'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];
export const METRIC_DIRECTIONS = ['higher', 'lower'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];
export const METRIC_AGGREGATIONS = ['response_weighted', 'sum', 'ratio', 'latest', 'mean'] as const;
export type MetricAggregation = (typeof METRIC_AGGREGATIONS)[number];
export type SurveyType = 'nps' | 'csat' | 'ces';

/**
 * Metrics Lodestar computes rather than stores: the CX index (from the CX metrics' scores and
 * weights) and the adjusted figures (gross margin and quota attainment with approved CX
 * investments added back). They have targets but no measurements.
 */
export const COMPUTED_METRICS: Readonly<Record<string, string>> = {
  cx_index: 'is computed from the CX metrics and their weights',
  adjusted_margin: 'is gross margin with approved CX investments added back',
  adjusted_quota_attainment: 'is quota attainment with approved quota relief credited',
};

export interface MetricDefinition {
  key: string;
  name: string;
  description: string | null;
  category: MetricCategory;
  unit: MetricUnit;
  direction: MetricDirection;
  aggregation: MetricAggregation;
  /** For VoC metrics: the survey they are computed from. */
  survey: SurveyType | null;
  builtIn: boolean;
}

export interface CreateMetricRequest {
  key: string;
  name: string;
  description?: string;
  category: MetricCategory;
  unit: MetricUnit;
  direction: MetricDirection;
  aggregation: Exclude<MetricAggregation, 'response_weighted'>;
}

export type VocImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface VocImport {
  id: string;
  status: VocImportStatus;
  fileName: string;
  bytesRead: number;
  totalBytes: number;
  rowsProcessed: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  /** The first 100 rejected rows. */
  errors: { line: number; message: string }[];
  failure: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface VocResponseInput {
  responseId: string;
  respondedAt: string;
  account?: string | null;
  orgUnit: string;
  survey: SurveyType;
  score: number;
  cause?: string | null;
  comment?: string | null;
}

export interface VocResponsesResult {
  received: number;
  inserted: number;
  duplicates: number;
}

export interface VocComment {
  responseId: string;
  respondedAt: string;
  orgUnitKey: string;
  account: string | null;
  survey: SurveyType;
  score: number;
  cause: string | null;
  comment: string;
}

export interface CxResult {
  metric: SurveyType;
  orgUnit: string;
  period: string;
  /** Full precision; round for display only. null without answers. */
  value: number | null;
  n: number;
  marginOfError: number | null;
  insufficientSample: boolean;
  minimumSample: number;
  breakdown: Record<string, number>;
  distribution: { score: number; count: number; share: number }[];
}

export interface ParetoRow {
  cause: string;
  count: number;
  /** 0–1 */
  share: number;
  /** 0–1 */
  cumulativeShare: number;
}
