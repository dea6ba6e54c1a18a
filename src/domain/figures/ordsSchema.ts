// The ORDS v0.3 table schema (Open Repair Alliance, github.com/openrepair/data, CC BY-SA 4.0),
// copied unchanged into ords-tableschema-v0.3-202507.json (only re-indented by the formatter).
import ordsPackage from './ords-tableschema-v0.3-202507.json' with { type: 'json' };

/** The resource of the schema an ORDS export must validate against. */
export const ORDS_AGGREGATE_RESOURCE = 'OpenRepairData_v0.3_aggregate_202507.csv';

interface FieldDescriptor {
  name: string;
  type: string;
  format?: string;
  constraints?: Record<string, unknown>;
  [key: string]: unknown;
}
interface SchemaDescriptor {
  fields: FieldDescriptor[];
  primaryKey?: string;
  [key: string]: unknown;
}

const published: SchemaDescriptor | undefined = (
  ordsPackage.resources as { name: string; schema: SchemaDescriptor }[]
).find((r) => r.name === ORDS_AGGREGATE_RESOURCE)?.schema;
if (!published) throw new Error(`ORDS schema: no resource ${ORDS_AGGREGATE_RESOURCE}`);
const SCHEMA: SchemaDescriptor = published;

/** The field names of the aggregate resource, in the schema's order. */
export const ORDS_SCHEMA_FIELDS: readonly string[] = SCHEMA.fields.map((f) => f.name);

// The published schema writes enums as one string, "[Fixed, Repairable, End of life, Unknown]".
const enumOf = (value: unknown): string[] | undefined =>
  typeof value === 'string'
    ? value
        .replace(/^\[|\]$/g, '')
        .split(',')
        .map((v) => v.trim())
    : Array.isArray(value)
      ? value.map(String)
      : undefined;

/** The allowed values of a field of the aggregate resource, as the schema means them. */
export function ordsEnum(field: string): readonly string[] {
  return enumOf(SCHEMA.fields.find((f) => f.name === field)?.constraints?.enum) ?? [];
}

/**
 * The aggregate schema as a Frictionless validator can read it. The published descriptor says
 * what it means in forms Table Schema does not define, which a validator refuses or misreads;
 * each is restated, nothing else changes:
 * - `enum` as one string → an array of the values;
 * - `unique: "true"` → `true`;
 * - `minimum`/`maximum: "3"` on the string `country` (meant as its length) → `minLength`/`maxLength`
 *   (a validator compares "BEL" > "3" as strings and fails every row);
 * - date `format: "yyyy-mm-dd"` (not a strptime pattern) → `default`, which is ISO `YYYY-MM-DD`;
 * - the primary key `id` → `required: true`, as Table Schema requires of primary key values.
 */
export function ordsValidationSchema(): SchemaDescriptor {
  const fields = SCHEMA.fields.map((field): FieldDescriptor => {
    const { constraints, ...rest } = structuredClone(field);
    const c: Record<string, unknown> = { ...constraints };
    const values = enumOf(c.enum);
    if (values) c.enum = values;
    if (c.unique === 'true') c.unique = true;
    if (field.type === 'string' && typeof c.minimum === 'string') {
      c.minLength = Number(c.minimum);
      delete c.minimum;
    }
    if (field.type === 'string' && typeof c.maximum === 'string') {
      c.maxLength = Number(c.maximum);
      delete c.maximum;
    }
    if (field.name === SCHEMA.primaryKey) c.required = true;
    const format = field.type === 'date' && field.format === 'yyyy-mm-dd' ? 'default' : rest.format;
    return { ...rest, format, constraints: c };
  });
  return { ...structuredClone(SCHEMA), fields };
}
