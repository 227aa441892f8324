/**
 * `pathloss --model uma|umi|rma|inh --condition los|nlos --fc-ghz F --d2d-m D --hbs-m H --hut-m H`
 * prints the 3GPP TR 38.901 path loss of one link as JSON.
 */
import { type LinkCondition, type PropagationModel, pathLoss } from '../../domain/propagation/path-loss';
import { choiceFlag, numberFlag, parseFlags } from '../arguments';

const FLAGS = ['model', 'condition', 'fc-ghz', 'd2d-m', 'hbs-m', 'hut-m'] as const;

/** Run the command; prints one JSON object. */
export async function run(args: string[]): Promise<number> {
  const flags = parseFlags(args, FLAGS);
  const model = choiceFlag<PropagationModel>(flags, 'model', ['uma', 'umi', 'rma', 'inh']);
  const condition = choiceFlag<LinkCondition>(flags, 'condition', ['los', 'nlos']);
  const positive = { min: 1e-9, max: 1e9 };
  const input = {
    model,
    condition,
    fcGhz: numberFlag(flags, 'fc-ghz', positive),
    d2dM: numberFlag(flags, 'd2d-m', { min: 0, max: 1e9 }),
    hBsM: numberFlag(flags, 'hbs-m', positive),
    hUtM: numberFlag(flags, 'hut-m', positive),
  };
  const result = pathLoss(input);
  console.log(
    JSON.stringify({
      model,
      condition,
      pathLossDb: Math.round(result.pathLossDb * 1000) / 1000,
      d3dM: Math.round(result.used.d3dM * 1000) / 1000,
      breakpointM: result.breakpointM === undefined ? null : Math.round(result.breakpointM * 1000) / 1000,
      clamped: result.clamped,
      used: result.used,
    }),
  );
  return 0;
}
