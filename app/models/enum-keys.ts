// The value lists for zod enums and select options come from the label maps, so a new enum value
// in the schema fails to compile in its label module until it has a label (and then is offered
// everywhere).
type NonEmpty<T> = [T, ...T[]];

export const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as NonEmpty<K>;
