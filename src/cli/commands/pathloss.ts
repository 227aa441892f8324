/**
 * `pathloss --model uma|umi|rma|inh --condition los|nlos --fc-ghz F --d2d-m D --hbs-m H --hut-m H`
 * prints the 3GPP TR 38.901 path loss of one link as JSON.
 */
import { type LinkCondition, type PropagationModel, pathLoss } from '../../domain/propagation/path-loss';
import { choiceFlag, numberFlag, parseFlags } from '../arguments';

const FLAGS = ['model', 'condition', 'fc-ghz', 'd2d-m', 'hbs-m', 'hut-m'] as const;

export const usage = `usage: npm run --silent cli -- pathloss --model uma|umi|rma|inh --condition los|nlos \\
         --fc-ghz F --d2d-m D --hbs-m H --hut-m H

3GPP TR 38.901 path loss of one link (Table 7.4.1-1), printed as one JSON object.

options (all required):
  --model uma|umi|rma|inh   urban macro, urban micro street canyon, rural macro, indoor hotspot
  --condition los|nlos      line of sight or not
  --fc-ghz F                carrier frequency, GHz
  --d2d-m D                 horizontal distance, metres
  --hbs-m H                 base-station antenna height, metres
  --hut-m H                 user-terminal height, metres
  --help                    print this help`;

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
