// The sweep's binding to the model: the same code the browser's Web Worker runs.
import { clientsInMonth, runScenario } from '../engine/run';
import { summaryMetrics } from '../engine/metrics';
import type { Summary } from '../engine/summary';
import { monthlyColumnsOf } from '../engine/monthly-csv';
import { MODEL_VERSION } from '../model/version';
import type { MonthSnapshot } from '../model/types';
import { setScenarioValue, setScenarioValues } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import type { ModelApi } from './runner';

const model: ModelApi<Scenario, Summary, MonthSnapshot> = {
  modelVersion: MODEL_VERSION,
  runScenario,
  setScenarioValue,
  setScenarioValues,
  summaryMetrics,
  clientsInMonth,
  monthlyColumns: monthlyColumnsOf,
};

/** The model as the sweep sees it: scenarios as plain JSON objects. */
export const modelApi = model as unknown as ModelApi;
