/**
 * How much one GraphQL query may ask of the CMS. Checked before anything runs
 * (cms/graphql-guard.ts), so a hostile query is refused in milliseconds:
 *
 * - fragments that spread each other in a cycle are refused (they would never end);
 * - the depth (fields nested in fields, through fragments) is at most MAX_DEPTH;
 * - the cost grows with nested lists: every field counts once for each document it is asked of,
 *   and a list multiplies what is asked inside it by its page size (its `limit`, capped at the
 *   API's maximum page size) or, for related documents, by LIST_GUESS.
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLField,
  GraphQLList,
  type GraphQLNamedType,
  GraphQLObjectType,
  type GraphQLSchema,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValueNode,
  type ASTVisitor,
} from 'graphql'

import { MAX_PAGE_SIZE } from './page-size'

export const MAX_DEPTH = 7
export const MAX_COST = 5_000
/** How many related documents a has-many relationship is assumed to hold. */
export const LIST_GUESS = 10
/** A collection query's page size when none is given (Payload's default). */
export const DEFAULT_PAGE = 10

export const LIMIT_MESSAGES = {
  cycle: '查询中的片段互相引用，无法执行 / Fragments in this query spread each other in a cycle',
  depth: (depth: number) =>
    `查询嵌套太深（${depth} 层，最多 ${MAX_DEPTH} 层）/ Query is too deeply nested: depth ${depth}, at most ${MAX_DEPTH}`,
  cost: (cost: number) =>
    `查询太复杂（估计代价 ${cost}，最多 ${MAX_COST}）/ Query is too complex: estimated cost ${cost}, at most ${MAX_COST}`,
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) map.set(definition.name.value, definition)
  }
  return map
}

/** The name of a fragment that (through others) spreads itself, or undefined. */
export function fragmentCycle(document: DocumentNode): string | undefined {
  const fragments = fragmentsOf(document)
  const spreads = (set: SelectionSetNode | undefined, out: Set<string>): Set<string> => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) out.add(selection.name.value)
      else spreads(selection.selectionSet, out)
    }
    return out
  }
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (name: string): string | undefined => {
    if (state.get(name) === 'done') return undefined
    if (state.get(name) === 'visiting') return name
    state.set(name, 'visiting')
    for (const next of spreads(fragments.get(name)?.selectionSet, new Set())) {
      const found = visit(next)
      if (found) return found
    }
    state.set(name, 'done')
    return undefined
  }
  for (const name of fragments.keys()) {
    const found = visit(name)
    if (found) return found
  }
  return undefined
}

/** The deepest nesting of fields in any operation (a top-level field alone is 1). Needs no cycle. */
export function queryDepth(document: DocumentNode): number {
  const fragments = fragmentsOf(document)
  const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    let deepest = 0
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        deepest = Math.max(deepest, selection.selectionSet ? 1 + depthOf(selection.selectionSet, seen) : 1)
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(selection.selectionSet, seen))
      } else if (!seen.has(selection.name.value)) {
        const next = new Set(seen).add(selection.name.value)
        deepest = Math.max(deepest, depthOf(fragments.get(selection.name.value)?.selectionSet, next))
      }
    }
    return deepest
  }
  let deepest = 0
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      deepest = Math.max(deepest, depthOf(definition.selectionSet, new Set()))
    }
  }
  return deepest
}

function intValue(node: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!node) return undefined
  if (node.kind === Kind.INT) return Number(node.value)
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value]
    return typeof value === 'number' ? value : undefined
  }
  return undefined
}

/** A page size as the API will serve it: at most MAX_PAGE_SIZE, and 0 or less means the maximum. */
function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE
  return limit <= 0 ? MAX_PAGE_SIZE : Math.min(limit, MAX_PAGE_SIZE)
}

/** The estimated cost of the document's operations against the schema (see the module's note). */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): number {
  const fragments = fragmentsOf(document)
  const costOf = (
    set: SelectionSetNode | undefined,
    type: GraphQLNamedType | undefined,
    pageOfParent: number | undefined,
    seen: Set<string>,
  ): number => {
    let total = 0
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD || selection.kind === Kind.INLINE_FRAGMENT) {
        let fragmentType = type
        let selectionSet: SelectionSetNode | undefined
        let next = seen
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const name = selection.name.value
          if (seen.has(name)) continue
          next = new Set(seen).add(name)
          const fragment = fragments.get(name)
          selectionSet = fragment?.selectionSet
          if (fragment) fragmentType = schema.getType(fragment.typeCondition.name.value) ?? type
        } else {
          selectionSet = selection.selectionSet
          if (selection.typeCondition)
            fragmentType = schema.getType(selection.typeCondition.name.value) ?? type
        }
        total += costOf(selectionSet, fragmentType, pageOfParent, next)
        continue
      }
      const field: GraphQLField<unknown, unknown> | undefined =
        type instanceof GraphQLObjectType ? type.getFields()[selection.name.value] : undefined
      const limitArgument = selection.arguments?.find((argument) => argument.name.value === 'limit')
      const ownPage = limitArgument ? pageSize(intValue(limitArgument.value, variables)) : undefined
      const isList = field ? getNullableType(field.type) instanceof GraphQLList : false
      const times = isList
        ? selection.name.value === 'docs'
          ? (pageOfParent ?? DEFAULT_PAGE)
          : (ownPage ?? LIST_GUESS)
        : 1
      const inner = selection.selectionSet
        ? costOf(
            selection.selectionSet,
            field ? getNamedType(field.type) : undefined,
            field && field.args.some((arg) => arg.name === 'limit') ? (ownPage ?? DEFAULT_PAGE) : undefined,
            seen,
          )
        : 0
      total += times * (1 + inner)
    }
    return total
  }
  let total = 0
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue
    const root =
      definition.operation === 'mutation'
        ? schema.getMutationType()
        : definition.operation === 'subscription'
          ? schema.getSubscriptionType()
          : schema.getQueryType()
    total += costOf(definition.selectionSet, root ?? undefined, undefined, new Set())
  }
  return total
}

/** What is wrong with a query, before it runs: a message, or undefined when it may run. */
export function checkQuery(
  document: DocumentNode,
  schema?: GraphQLSchema,
  variables: Record<string, unknown> = {},
): string | undefined {
  if (fragmentCycle(document)) return LIMIT_MESSAGES.cycle
  const depth = queryDepth(document)
  if (depth > MAX_DEPTH) return LIMIT_MESSAGES.depth(depth)
  if (schema) {
    const cost = queryCost(schema, document, variables)
    if (cost > MAX_COST) return LIMIT_MESSAGES.cost(cost)
  }
  return undefined
}

/** The same check as a GraphQL validation rule (payload.config.ts `graphQL.validationRules`). */
export function limitsRule(
  variables: Record<string, unknown> = {},
): (context: ValidationContext) => ASTVisitor {
  return (context) => ({
    Document: {
      leave(document) {
        const problem = checkQuery(document, context.getSchema(), variables)
        if (problem) context.reportError(new GraphQLError(problem))
      },
    },
  })
}

/** GraphQL's "Did you mean …?" would reveal field names even with introspection off. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean .*$/s, '')
}
