/**
 * The coarse interference sums (interference-kernels.ts): per band, per block of BLOCK_CELLS² cells, the
 * linear sum of the sites' coarse parts at the block centre, Float64, kept by adding and subtracting a
 * site's table on edits. A cell reads them by bilinear interpolation between the four nearest centres.
 */
import { BANDS } from '../types';
import type { GridGeometry } from './grid';
import { BLOCK_CELLS, type CoarseTable, coarseTable, phaseOf } from './interference-kernels';
import type { PlacedSite } from './site-model';

const floorDivide = (value: number): number => Math.floor(value / BLOCK_CELLS);

/** Bilinear weights of a cell between block centres: for cells 0…3 of a block. */
const CENTRE = (BLOCK_CELLS - 1) / 2;

export class BlockSums {
  readonly blockRows: number;
  readonly blockColumns: number;
  /** Per band (BANDS order), allocated on first use. */
  readonly sums: (Float64Array | undefined)[] = BANDS.map(() => undefined);

  constructor(grid: GridGeometry) {
    this.blockRows = Math.ceil(grid.rows / BLOCK_CELLS);
    this.blockColumns = Math.ceil(grid.columns / BLOCK_CELLS);
  }

  reset(inUse: ReadonlySet<number>): void {
    this.sums.forEach((sums, index) => {
      if (!inUse.has(index)) this.sums[index] = undefined;
      else sums?.fill(0);
    });
  }

  private table(site: PlacedSite): CoarseTable {
    return coarseTable(site.kernel, phaseOf(site.row, site.column), site.pattern !== undefined);
  }

  /** Add (1) or subtract (−1) a site's coarse part. */
  add(site: PlacedSite, sign: 1 | -1): void {
    if (!site.kernel.interference) return;
    const band = site.bandIndex;
    let sums = this.sums[band];
    if (!sums) {
      sums = new Float64Array(this.blockRows * this.blockColumns);
      this.sums[band] = sums;
    }
    const table = this.table(site);
    const reach = table.reachBlocks;
    const side = 2 * reach + 1;
    const siteBlockRow = floorDivide(site.row);
    const siteBlockColumn = floorDivide(site.column);
    const factor = sign * site.offsetLinear;
    const { values, bearings, floorsLinear } = table;
    const horizontal = site.pattern?.linear;
    for (let bi = -reach; bi <= reach; bi++) {
      const blockRow = siteBlockRow + bi;
      if (blockRow < 0 || blockRow >= this.blockRows) continue;
      const first = Math.max(table.rowFirst[bi + reach]!, -siteBlockColumn);
      const last = Math.min(table.rowLast[bi + reach]!, this.blockColumns - 1 - siteBlockColumn);
      const rowStart = blockRow * this.blockColumns + siteBlockColumn;
      const tableRow = (bi + reach) * side + reach;
      for (let bj = first; bj <= last; bj++) {
        const index = tableRow + bj;
        const value = values[index]!;
        if (value === 0) continue;
        sums[rowStart + bj]! += horizontal
          ? value * factor * Math.max(horizontal[bearings![index]!]!, floorsLinear![index]!)
          : value * factor;
      }
    }
  }

  /** The row `interferenceAt` reads: its two block rows (clamped to the grid) and the weight of the second. */
  private rowBlock0 = 0;
  private rowBlock1 = 0;
  private rowWeight = 0;
  private row = Number.NaN;

  /** Set the row of the cells `interferenceAt` is asked about. */
  setRow(row: number): void {
    if (row === this.row) return;
    const position = (row - CENTRE) / BLOCK_CELLS;
    const block = Math.floor(position);
    this.row = row;
    this.rowWeight = position - block;
    this.rowBlock0 = Math.min(this.blockRows - 1, Math.max(0, block)) * this.blockColumns;
    this.rowBlock1 = Math.min(this.blockRows - 1, Math.max(0, block + 1)) * this.blockColumns;
  }

  /**
   * Bilinear interpolation at cell (row, column) of the band's coarse sums minus the server's own coarse
   * part (interpolated the same way), mW: the coarse interference at the cell. The row's block rows and
   * weight are kept from the previous call (a pass walks rows in order).
   */
  interferenceAt(server: PlacedSite, row: number, column: number): number {
    this.setRow(row);
    const sums = this.sums[server.bandIndex];
    if (!sums) return 0;
    const position = (column - CENTRE) / BLOCK_CELLS;
    const block = Math.floor(position);
    const columnWeight = position - block;
    const column0 = Math.min(this.blockColumns - 1, Math.max(0, block));
    const column1 = Math.min(this.blockColumns - 1, Math.max(0, block + 1));
    const rowWeight = this.rowWeight;
    const total =
      (1 - rowWeight) *
        ((1 - columnWeight) * sums[this.rowBlock0 + column0]! +
          columnWeight * sums[this.rowBlock0 + column1]!) +
      rowWeight *
        ((1 - columnWeight) * sums[this.rowBlock1 + column0]! +
          columnWeight * sums[this.rowBlock1 + column1]!);
    const own = this.ownAt(server, column, block, columnWeight);
    return total > own ? total - own : 0;
  }

  // The server and row interferenceBound reads (bindServer): its band's sums and its own coarse table.
  private boundSums: Float64Array | undefined;
  private boundOwn = false;
  private boundNorthM = 0;
  private boundEastScaleM = 0;
  private boundColumn = 0;
  private boundOffsetLinear = 0;
  private boundHorizontal: Float32Array | Float64Array | undefined;

  /** Bind the server and row of the cells `interferenceBound` is asked about next. */
  bindServer(server: PlacedSite, row: number): void {
    this.setRow(row);
    this.boundSums = this.sums[server.bandIndex];
    this.boundOwn = this.bindOwn(server);
    const { kernel } = server;
    this.boundNorthM = (row - server.row) * kernel.cellHeightM;
    this.boundEastScaleM = kernel.cellWidthM;
    this.boundColumn = server.column;
    this.boundOffsetLinear = server.offsetLinear;
    this.boundHorizontal = server.pattern?.linear;
  }

  /** interferenceAt for the bound server and row: the same values, without looking the server up again. */
  interferenceBound(column: number): number {
    const sums = this.boundSums;
    if (!sums) return 0;
    const position = (column - CENTRE) / BLOCK_CELLS;
    const block = Math.floor(position);
    const columnWeight = position - block;
    const column0 = Math.min(this.blockColumns - 1, Math.max(0, block));
    const column1 = Math.min(this.blockColumns - 1, Math.max(0, block + 1));
    const rowWeight = this.rowWeight;
    const total =
      (1 - rowWeight) *
        ((1 - columnWeight) * sums[this.rowBlock0 + column0]! +
          columnWeight * sums[this.rowBlock0 + column1]!) +
      rowWeight *
        ((1 - columnWeight) * sums[this.rowBlock1 + column0]! +
          columnWeight * sums[this.rowBlock1 + column1]!);
    if (!this.boundOwn) return Math.max(total, 0);
    const northM = this.boundNorthM;
    const eastM = (column - this.boundColumn) * this.boundEastScaleM;
    const clearM = this.ownClearM;
    if (clearM > 0 && northM * northM + eastM * eastM < clearM * clearM) return Math.max(total, 0);
    const offset0 = this.ownRowOffset0;
    const offset1 = this.ownRowOffset1;
    const own =
      (1 - rowWeight) *
        ((1 - columnWeight) * this.boundEntry(offset0, column0) +
          columnWeight * this.boundEntry(offset0, column1)) +
      rowWeight *
        ((1 - columnWeight) * this.boundEntry(offset1, column0) +
          columnWeight * this.boundEntry(offset1, column1));
    return total > own ? total - own : 0;
  }

  /** ownEntry for the bound server. */
  private boundEntry(rowOffset: number, blockColumn: number): number {
    if (rowOffset < 0) return 0;
    const table = this.ownTable!;
    const bj = blockColumn - this.ownBlockColumn;
    const reach = table.reachBlocks;
    if (bj < -reach || bj > reach) return 0;
    const index = rowOffset + bj;
    const value = table.values[index]! * this.boundOffsetLinear;
    const horizontal = this.boundHorizontal;
    if (value === 0 || !horizontal) return value;
    return value * Math.max(horizontal[table.bearings![index]!]!, table.floorsLinear![index]!);
  }

  // The server whose own coarse part ownAt reads, and its table's rows for the current row's two block
  // rows (−1 when outside the table): a pass meets the same server cell after cell.
  private ownSite: PlacedSite | undefined;
  private ownRow = Number.NaN;
  private ownTable: CoarseTable | undefined;
  private ownClearM = 0;
  private ownBlockColumn = 0;
  private ownRowOffset0 = -1;
  private ownRowOffset1 = -1;

  private bindOwn(server: PlacedSite): boolean {
    if (server !== this.ownSite) {
      this.ownSite = server;
      this.ownRow = Number.NaN;
      const tables = server.kernel.interference;
      this.ownTable = tables && !tables.taper.fineOnly ? this.table(server) : undefined;
      const { kernel } = server;
      this.ownClearM = tables
        ? tables.taper.innerM - 1.5 * BLOCK_CELLS * Math.max(kernel.cellHeightM, kernel.cellWidthM)
        : 0;
      this.ownBlockColumn = floorDivide(server.column);
    }
    const table = this.ownTable;
    if (!table) return false;
    if (this.row !== this.ownRow) {
      this.ownRow = this.row;
      const reach = table.reachBlocks;
      const side = 2 * reach + 1;
      const siteBlockRow = floorDivide(server.row);
      const bi0 = this.rowBlock0 / this.blockColumns - siteBlockRow;
      const bi1 = this.rowBlock1 / this.blockColumns - siteBlockRow;
      this.ownRowOffset0 = bi0 < -reach || bi0 > reach ? -1 : (bi0 + reach) * side + reach;
      this.ownRowOffset1 = bi1 < -reach || bi1 > reach ? -1 : (bi1 + reach) * side + reach;
    }
    return true;
  }

  /** The server's coarse power at a table entry, mW. */
  private ownEntry(server: PlacedSite, table: CoarseTable, rowOffset: number, blockColumn: number): number {
    if (rowOffset < 0) return 0;
    const bj = blockColumn - this.ownBlockColumn;
    const reach = table.reachBlocks;
    if (bj < -reach || bj > reach) return 0;
    const index = rowOffset + bj;
    const value = table.values[index]! * server.offsetLinear;
    if (value === 0 || !server.pattern) return value;
    return value * Math.max(server.pattern.linear[table.bearings![index]!]!, table.floorsLinear![index]!);
  }

  /**
   * The server's own coarse part at the cell, interpolated like the sums. It is zero within its taper's
   * inner radius, so it is skipped when all four block centres are nearer than that.
   */
  private ownAt(server: PlacedSite, column: number, block: number, columnWeight: number): number {
    if (!this.bindOwn(server)) return 0;
    const { kernel } = server;
    const northM = (this.row - server.row) * kernel.cellHeightM;
    const eastM = (column - server.column) * kernel.cellWidthM;
    const clearM = this.ownClearM;
    if (clearM > 0 && northM * northM + eastM * eastM < clearM * clearM) return 0;
    const table = this.ownTable!;
    const column0 = Math.min(this.blockColumns - 1, Math.max(0, block));
    const column1 = Math.min(this.blockColumns - 1, Math.max(0, block + 1));
    const rowWeight = this.rowWeight;
    const offset0 = this.ownRowOffset0;
    const offset1 = this.ownRowOffset1;
    return (
      (1 - rowWeight) *
        ((1 - columnWeight) * this.ownEntry(server, table, offset0, column0) +
          columnWeight * this.ownEntry(server, table, offset0, column1)) +
      rowWeight *
        ((1 - columnWeight) * this.ownEntry(server, table, offset1, column0) +
          columnWeight * this.ownEntry(server, table, offset1, column1))
    );
  }
}
