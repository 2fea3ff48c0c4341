// Look-ups in the API's introspection result: root fields, their arguments and input types.
import type {
  IntrospectionField,
  IntrospectionInputObjectType,
  IntrospectionInputValue,
  IntrospectionNamedTypeRef,
  IntrospectionSchema,
  IntrospectionType,
  IntrospectionTypeRef,
} from 'graphql';

export function namedType(ref: IntrospectionTypeRef): IntrospectionNamedTypeRef {
  return ref.kind === 'NON_NULL' || ref.kind === 'LIST' ? namedType(ref.ofType) : ref;
}

/** The type as written in a variable definition, e.g. `[TaskOrder!]`. */
export function printTypeRef(ref: IntrospectionTypeRef): string {
  if (ref.kind === 'NON_NULL') return `${printTypeRef(ref.ofType)}!`;
  if (ref.kind === 'LIST') return `[${printTypeRef(ref.ofType)}]`;
  return ref.name;
}

export class SchemaIndex {
  private readonly types: Map<string, IntrospectionType>;
  private readonly queryFields: Map<string, IntrospectionField>;
  private readonly mutationFields: Map<string, IntrospectionField>;

  constructor(schema: IntrospectionSchema) {
    this.types = new Map(schema.types.map((type) => [type.name, type]));
    this.queryFields = this.rootFields(schema.queryType.name);
    this.mutationFields = schema.mutationType ? this.rootFields(schema.mutationType.name) : new Map();
  }

  private rootFields(typeName: string): Map<string, IntrospectionField> {
    const type = this.types.get(typeName);
    return new Map(type?.kind === 'OBJECT' ? type.fields.map((field) => [field.name, field]) : []);
  }

  type(name: string): IntrospectionType {
    const type = this.types.get(name);
    if (!type) throw new Error(`The schema has no type ${name}`);
    return type;
  }

  inputObject(name: string): IntrospectionInputObjectType {
    const type = this.type(name);
    if (type.kind !== 'INPUT_OBJECT') throw new Error(`${name} is not an input type`);
    return type;
  }

  query(name: string): IntrospectionField {
    const field = this.queryFields.get(name);
    if (!field) throw new Error(`The schema has no query ${name}`);
    return field;
  }

  hasMutation(name: string): boolean {
    return this.mutationFields.has(name);
  }

  mutation(name: string): IntrospectionField {
    const field = this.mutationFields.get(name);
    if (!field) throw new Error(`The schema has no mutation ${name}`);
    return field;
  }

  /** The input object type of an argument, e.g. TaskFilter for `tasks(filter:)`. */
  argumentInput(field: IntrospectionField, argument: string): IntrospectionInputObjectType {
    const arg = field.args.find((candidate) => candidate.name === argument);
    if (!arg) throw new Error(`${field.name} takes no argument ${argument}`);
    return this.inputObject(namedType(arg.type).name);
  }

  /** The values of the enum of an input field, e.g. TaskOrder.field → TaskOrderField's values. */
  enumValuesOf(input: IntrospectionInputValue): string[] {
    const type = this.type(namedType(input.type).name);
    return type.kind === 'ENUM' ? type.enumValues.map((value) => value.name) : [];
  }
}
