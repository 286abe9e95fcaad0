// The embedded models' names, apart from their bytes: the element and the CLI check a name without
// bundling the models.

/** The models embedded in the library: `'default'` (f32 weights) and `'default-int8'`. */
export type DefaultModelName = 'default' | 'default-int8';

export const DEFAULT_MODEL_NAMES: readonly DefaultModelName[] = ['default', 'default-int8'];

/** Whether `name` names an embedded model. */
export function isDefaultModelName(name: unknown): name is DefaultModelName {
  return (DEFAULT_MODEL_NAMES as readonly unknown[]).includes(name);
}
