import { isPlainObject } from '../runtime/util/dynamodb-values.ts';

// The failure of a resolver whose wiring names a data source the local
// server does not have. The local runtime has no RDS or OpenSearch data
// source, so a resolver written for one (an RDS resolver built with
// '@aws-appsync/utils/rds') ends here: its request is not sent anywhere, and
// the message says why. The client sees an internal failure, as for any
// failure of the server itself; the message goes to the server's log.

/** The request object createPgStatement / createMySQLStatement build for an RDS data source. */
function isRdsRequest(request: unknown): boolean {
  return isPlainObject(request) && Array.isArray(request.statements) && isPlainObject(request.variableMap);
}

export class MissingDataSourceError extends Error {
  override readonly name = 'MissingDataSourceError';

  constructor(dataSourceName: string, request: unknown) {
    const rds = isRdsRequest(request)
      ? ' The resolver sent an RDS (Aurora Data API) request, and the local runtime has no RDS data source:' +
        ' test such a resolver with EvaluateCode, or against AppSync.'
      : '';
    super(
      `No data source named '${dataSourceName}': the resolver wiring and the local server's data sources disagree.${rds}`,
    );
  }
}
