#!/usr/bin/env node
// Checks FtM entity JSON lines against FollowTheMoney's own data model (@alephdata/followthemoney):
// Model.getEntity throws on an unknown schema or property; on top of that every value is checked
// against its property's type, every required property (of the schema and its parents) is
// present, ids match FtM's id pattern, and every entity reference resolves to an entity of the
// file whose schema is in the property's range.
// Usage: check_ftm.js FILE.ftm.json   (exit 0: valid; 1: problems, listed on stderr)
'use strict';
const fs = require('fs');
const { Model, defaultModel } = require('@alephdata/followthemoney');

const model = new Model(defaultModel);
const idPattern = /^[0-9a-zA-Z]([0-9a-zA-Z.-]*[0-9a-zA-Z])?$/;
const datePattern = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T[0-9:.]+Z?)?)?)?$/;
const urlPattern = /^https?:\/\/\S+$/;
const problems = [];
const entities = new Map();

function required(schema) {
  const names = new Set(schema.required || []);
  for (const parent of schema.getParents()) for (const name of parent.required || []) names.add(name);
  return names;
}

function checkValue(where, schema, name, value) {
  const property = schema.getProperty(name);  // throws on an unknown property
  const type = property.type.name;
  if (typeof value !== 'string' || value.length === 0) problems.push(`${where}: ${name}: empty or not text`);
  else if (value.length > property.type.maxLength) problems.push(`${where}: ${name}: longer than ${property.type.maxLength}`);
  else if (type === 'date' && !datePattern.test(value)) problems.push(`${where}: ${name}: '${value}' is not an ISO date prefix`);
  else if (type === 'url' && !urlPattern.test(value)) problems.push(`${where}: ${name}: '${value}' is not a URL`);
  else if (type === 'entity') return { name, value, range: property.getRange() };
  return null;
}

const text = fs.readFileSync(process.argv[2], 'utf8');
const references = [];
text.split('\n').forEach((line, index) => {
  if (line.trim() === '') return;
  const where = `${process.argv[2]}:${index + 1}`;
  try {
    const raw = JSON.parse(line);
    const entity = model.getEntity(raw);  // throws on an unknown schema or property
    if (!idPattern.test(entity.id) || entity.id.length > 200) problems.push(`${where}: id '${entity.id}' is not an FtM id`);
    if (entities.has(entity.id)) problems.push(`${where}: id '${entity.id}' given twice`);
    entities.set(entity.id, entity);
    if (entity.schema.abstract) problems.push(`${where}: schema ${entity.schema.name} is abstract`);
    for (const name of required(entity.schema))
      if (entity.getProperty(name).length === 0) problems.push(`${where}: ${entity.schema.name} without required '${name}'`);
    for (const [name, values] of Object.entries(raw.properties || {})) {
      if (!Array.isArray(values)) problems.push(`${where}: ${name} is not a list`);
      else for (const value of values) {
        const reference = checkValue(where, entity.schema, name, value);
        if (reference) references.push({ where, ...reference });
      }
    }
  } catch (error) {
    problems.push(`${where}: ${error.message}`);
  }
});
for (const { where, name, value, range } of references) {
  const target = entities.get(value);
  if (!target) problems.push(`${where}: ${name} refers to '${value}', not an entity of the file`);
  else if (!target.schema.isA(range)) problems.push(`${where}: ${name} refers to a ${target.schema.name}, not a ${range.name}`);
}
for (const problem of problems) console.error(problem);
const schemata = new Map();
for (const entity of entities.values()) schemata.set(entity.schema.name, (schemata.get(entity.schema.name) || 0) + 1);
console.log(`${entities.size} entities, ${references.length} references, ${problems.length} problems; ` +
            [...schemata].map(([name, count]) => `${name} ${count}`).join(', '));
process.exit(problems.length === 0 ? 0 : 1);
