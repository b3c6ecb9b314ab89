import type { Command } from '../command.ts';
import { allCommand } from './all.ts';
import { brokerCommand } from './broker.ts';
import { processCommand } from './process.ts';
import { replayCommand } from './replay.ts';
import { scoreCommand } from './score.ts';
import { serveCommand } from './serve.ts';
import { simulateCommand } from './simulate.ts';

/** Every subcommand, in the order `wattwatch --help` lists them. */
export const COMMANDS: readonly Command[] = [
  simulateCommand,
  replayCommand,
  processCommand,
  serveCommand,
  brokerCommand,
  allCommand,
  scoreCommand,
] as Command[];
