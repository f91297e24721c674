import {
  CompiledQuery,
  OperationNodeTransformer,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from 'kysely'

/*
 * The one place where SQLite's storage differs from PostgreSQL's for the rest of db/:
 * SQLite has no boolean or timestamp type, so booleans are stored as 0/1 and timestamps as
 * ISO-8601 UTC text ("2026-11-26T09:00:00.000Z", the same shape `toISOString()` gives, so they
 * sort as text). Parameters are converted on the way in; on the way out, columns are converted by
 * name, which is why timestamp columns end in `At` (or are Auth.js's `expires`/`emailVerified`)
 * and boolean columns are listed below.
 */

const BOOLEAN_COLUMNS = new Set(['commentsOpen', 'followConversation', 'pinned'])
const OTHER_TIMESTAMP_COLUMNS = new Set(['expires', 'emailVerified'])

function isTimestampColumn(name: string): boolean {
  return name.endsWith('At') || OTHER_TIMESTAMP_COLUMNS.has(name)
}

/** Parses SQLite timestamp text; text without a zone (CURRENT_TIMESTAMP's shape) is UTC. */
export function parseSqliteTimestamp(text: string): Date {
  const iso = text.includes('T') ? text : text.replace(' ', 'T')
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}Z`)
}

function toSqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Date) return value.toISOString()
  return value
}

class ParameterTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return super.transformValue({ ...node, value: toSqliteValue(node.value) })
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return super.transformPrimitiveValueList({ ...node, values: node.values.map(toSqliteValue) })
  }
}

export class SqliteValuesPlugin implements KyselyPlugin {
  readonly #parameters = new ParameterTransformer()

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#parameters.transformNode(args.node)
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const rows = args.result.rows.map((row) => {
      const out: UnknownRow = {}
      for (const [key, value] of Object.entries(row)) {
        if (typeof value === 'string' && isTimestampColumn(key)) out[key] = parseSqliteTimestamp(value)
        else if (typeof value === 'number' && BOOLEAN_COLUMNS.has(key)) out[key] = value !== 0
        else out[key] = value
      }
      return out
    })
    return { ...args.result, rows }
  }
}

/** SQLite runs DDL inside transactions; telling Kysely so makes a failed migration roll back whole. */
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE), waiting for it as busy_timeout
 * allows. A plain BEGIN starts as a reader and is refused at once ("database is locked", no waiting)
 * when it first writes after another process — a command-line import, `npm run user` — has written
 * since it began.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'))
  }
}

export class PlateauSqliteDialect extends SqliteDialect {
  constructor(private readonly options: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(options)
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.options)
  }

  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter()
  }
}
