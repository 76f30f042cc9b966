import { getMetadataStorage } from 'class-validator';
import type { SchemaObject } from '@nestjs/swagger';
import type { MetadataStorage as TransformerMetadata } from 'class-transformer/types/MetadataStorage';

// The `@Type(() => AddressAttributes)` of a nested attribute lives only in class-transformer's
// storage, which the package does not export from its index (Nest's own mapped-types reads it so).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerMetadata };

type AttributeClass = new () => object;

interface ValidationRule {
  /** `isString`, `maxLength`, ... for decorators; absent for IsOptional and ValidateNested. */
  name?: string;
  type: string;
  propertyName: string;
  constraints: unknown[];
  each: boolean;
}

/**
 * The JSON schema of a request's `data`, read from the very class-validator rules the records
 * service validates it with (the attribute classes in contracts), so the documentation cannot
 * drift from what is accepted.
 */
export function attributeSchema(cls: AttributeClass): SchemaObject {
  const rules = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false) as ValidationRule[];
  const byProperty = new Map<string, ValidationRule[]>();
  for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);

  const properties: Record<string, SchemaObject> = {};
  const required: string[] = [];
  for (const [property, propertyRules] of byProperty) {
    const optional = propertyRules.some((rule) => rule.type === 'conditionalValidation');
    if (!optional) required.push(property);
    const schema = propertySchema(cls, property, propertyRules);
    // IsOptional lets null through as well as a missing key: null clears the attribute.
    properties[property] = optional ? { ...schema, nullable: true } : schema;
  }
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

function propertySchema(cls: AttributeClass, property: string, rules: ValidationRule[]): SchemaObject {
  const value: SchemaObject = {};
  const array: SchemaObject = {};
  let isArray = false;
  for (const rule of rules) {
    if (rule.type === 'nestedValidation') {
      const nested = defaultMetadataStorage.findTypeMetadata(cls, property)?.typeFunction() as AttributeClass | undefined;
      Object.assign(value, nested ? attributeSchema(nested) : { type: 'object' });
      continue;
    }
    if (rule.name === 'arrayMaxSize') {
      isArray = true;
      array.maxItems = rule.constraints[0] as number;
      continue;
    }
    if (rule.each) isArray = true;
    applyRule(value, rule);
  }
  return isArray ? { ...array, type: 'array', items: value } : value;
}

function applyRule(schema: SchemaObject, rule: ValidationRule): void {
  switch (rule.name) {
    case 'isString':
      schema.type = 'string';
      break;
    case 'isInt':
      schema.type = 'integer';
      break;
    case 'isNumber':
      schema.type = 'number';
      break;
    case 'isBoolean':
      schema.type = 'boolean';
      break;
    case 'isObject':
      Object.assign(schema, { type: 'object', additionalProperties: true });
      break;
    case 'isEmail':
      Object.assign(schema, { type: 'string', format: 'email' });
      break;
    case 'isDateString':
      Object.assign(schema, { type: 'string', format: 'date-time' });
      break;
    case 'isIn':
      schema.enum = rule.constraints[0] as unknown[];
      break;
    case 'maxLength':
      schema.maxLength = rule.constraints[0] as number;
      break;
    case 'min':
      schema.minimum = rule.constraints[0] as number;
      break;
    case 'isDecimalValue':
      schema.oneOf = [{ type: 'string', pattern: '^-?\\d{1,15}(\\.\\d{1,2})?$' }, { type: 'number' }];
      schema.description = 'decimal value, as a string ("1000.50") or a number';
      break;
    default:
      break;
  }
}
