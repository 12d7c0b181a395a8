import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IamIdentity, LocalIamCredentials } from './sigv4-authenticator.ts';

// The credentials the local runtime accepts for AWS_IAM in place of IAM's:
// an IAM user of a local account, whose keys are generated on first use and
// kept on disk (like the local user pool's key) so that clients configured
// once keep working across restarts.

/** The account id CloudFormation's `AWS::AccountId` resolves to locally. */
export const LOCAL_ACCOUNT_ID = '000000000000';

const CREDENTIALS_FILE = 'iam-credentials.json';

/**
 * An IAM user's credentials and the identity AppSync shows for them: the
 * user's ARN, its unique id (`AIDA…`) as `username`, no Cognito identity.
 * https://docs.aws.amazon.com/appsync/latest/devguide/resolver-context-reference-js.html#aws-appsync-resolver-context-reference-identity-js
 */
export function iamUserCredentials(
  accessKeyId: string,
  secretAccessKey: string,
  userName = 'appsync-local',
  accountId = LOCAL_ACCOUNT_ID,
): LocalIamCredentials {
  const identity: IamIdentity = {
    accountId,
    userArn: `arn:aws:iam::${accountId}:user/${userName}`,
    username: `AIDA${accessKeyId.slice(4)}`,
    cognitoIdentityPoolId: null,
    cognitoIdentityId: null,
    cognitoIdentityAuthType: null,
    cognitoIdentityAuthProvider: null,
  };
  return { accessKeyId, secretAccessKey, identity };
}

function randomAlphanumeric(length: number, alphabet: string): string {
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

function newCredentials(): { accessKeyId: string; secretAccessKey: string } {
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return {
    accessKeyId: `AKIA${randomAlphanumeric(16, upper)}`,
    secretAccessKey: randomAlphanumeric(40, `${upper}abcdefghijklmnopqrstuvwxyz01+/`),
  };
}

/** The local IAM user's credentials from `directory`, generated and saved the first time. */
export async function loadLocalIamCredentials(directory: string): Promise<LocalIamCredentials> {
  const file = join(directory, CREDENTIALS_FILE);
  let keys: { accessKeyId: string; secretAccessKey: string };
  try {
    keys = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`${file} is not readable as credentials; delete it to have new ones generated`);
    }
    keys = newCredentials();
    await mkdir(directory, { recursive: true });
    await writeFile(file, JSON.stringify(keys, null, 2), { mode: 0o600, flag: 'wx' }).catch(async (writeError) => {
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw writeError;
      }
      // another process wrote its keys first: use those
      keys = JSON.parse(await readFile(file, 'utf8'));
    });
  }
  return iamUserCredentials(keys.accessKeyId, keys.secretAccessKey);
}
