/** Version of the model's equations and defaults. Bump it whenever a run's output for the same input changes. */
export const MODEL_VERSION = '2.0.0';
