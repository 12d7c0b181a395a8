// Who may do what, named once: the CDK stack creates this Cognito group, the
// resolvers grant its members every event, and the local token tool can put
// a user in it.

/** Members of this Cognito user pool group may update, delete and see every event. */
export const ADMIN_GROUP = 'admins';
