// The CDK app: `npx cdk synth -c stage=prod -c allowedOrigins=https://app.example.com`.
// The stack is environment-agnostic (no account or region, no lookups), so
// synth needs neither AWS credentials nor the network; the region comes from
// the AWS profile at deploy time.
import { App } from 'aws-cdk-lib/core';
import { readDeployConfig, settingReader } from './deploy-config.ts';
import { EventsApiStack, eventsApiStackName } from './events-api-stack.ts';

const app = new App();
const config = readDeployConfig(settingReader((key) => app.node.tryGetContext(key)));
new EventsApiStack(app, eventsApiStackName(config.stage), {
  ...config,
  description: `Events Management GraphQL API on AppSync (${config.stage})`,
});
app.synth();
