// Renders /api/openapi.json as a plain reference page. Built with DOM nodes and textContent
// only, so nothing from the description is ever parsed as HTML.

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function typeOf(schema) {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
  if (schema.type === "array") return `${typeOf(schema.items)}[]`;
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  return schema.type || "any";
}

function paramTable(parameters) {
  const table = el("table");
  const head = el("tr");
  for (const name of ["parameter", "in", "type", "required", "description"]) head.append(el("th", null, name));
  table.append(head);
  for (const p of parameters) {
    const row = el("tr");
    row.append(el("td", "path", p.name), el("td", null, p.in), el("td", null, typeOf(p.schema)),
      el("td", null, p.required ? "yes" : ""), el("td", null, p.description || (p.schema && p.schema.description) || ""));
    table.append(row);
  }
  return table;
}

function operationBlock(path, method, op) {
  const block = el("section", "operation");
  const title = el("h3");
  title.append(el("span", `method ${method}`, method), el("span", "path", path));
  block.append(title);
  if (op.summary) block.append(el("p", null, op.summary));
  if (op.description) block.append(el("p", null, op.description));
  if (op.parameters && op.parameters.length) block.append(paramTable(op.parameters));
  const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
  if (body) block.append(el("p", null, `JSON body: ${typeOf(body.schema)}`));
  return block;
}

function schemaBlock(name, schema) {
  const block = el("div", "operation");
  block.append(el("h3", "path", name));
  if (schema.description) block.append(el("p", null, schema.description));
  const props = schema.properties || {};
  const required = new Set(schema.required || []);
  const rows = Object.entries(props).map(([key, value]) => ({ name: key, in: "body", schema: value, required: required.has(key), description: value.description }));
  if (rows.length) block.append(paramTable(rows));
  return block;
}

async function main() {
  const target = document.getElementById("operations");
  try {
    const response = await fetch("/api/openapi.json");
    const spec = await response.json();
    document.getElementById("title").textContent = `${spec.info.title} ${spec.info.version}`;
    document.getElementById("description").textContent = spec.info.description || "";
    target.replaceChildren();
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) target.append(operationBlock(path, method, op));
    }
    const schemas = document.getElementById("schemas");
    for (const [name, schema] of Object.entries((spec.components && spec.components.schemas) || {})) {
      schemas.append(schemaBlock(name, schema));
    }
  } catch (exc) {
    target.replaceChildren(el("p", "error", `Cannot load the API description: ${exc.message}`));
  }
}

main();
