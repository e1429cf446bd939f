import { createApp } from './create-app';

// `npx cdk synth|deploy` runs this file (see cdk.json); the CLI synthesizes the app when it exits.
createApp();
