import './district.css';
import { useState } from 'react';
import { reportFileName, weakSpotsCsv } from '../../domain/report/weak-spot-csv';
import { coverageRows, siteRows } from '../report/figure-rows';
import { useAppState, useTranslate } from '../store-context';
import { AreaPicker } from './AreaPicker';
import { CoverageGauge } from './CoverageGauge';
import { FigureTable } from './FigureTable';
import { WeakSpotTable } from './WeakSpotTable';

const FIRST_WEAK_SPOTS = 10;

function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The 区县 / District tab: pick an area, read its live figures and weak spots, make its report. */
export function DistrictPanel() {
  const t = useTranslate();
  const language = useAppState((state) => state.language);
  const target = useAppState((state) => state.districtTarget);
  const report = useAppState((state) => state.districtReport);
  const selection = useAppState((state) => state.selection);
  const highlightedGapId = useAppState((state) => state.highlightedGapId);
  const setTarget = useAppState((state) => state.setDistrictTarget);
  const setHighlightedGap = useAppState((state) => state.setHighlightedGap);
  const requestReport = useAppState((state) => state.requestDistrictReport);
  const reportStatus = useAppState((state) => state.districtReportStatus);
  const [showAll, setShowAll] = useState(false);

  const selectedAdcode = selection?.layerId === 'districts' ? selection.properties.adcode : undefined;
  const selectedName =
    selection?.layerId === 'districts'
      ? selection.properties[language === 'en' ? 'name_en' : 'name']
      : undefined;
  const offerSelected =
    typeof selectedAdcode === 'string' && !(target?.kind === 'district' && target.adcode === selectedAdcode);

  const areaName = report ? (language === 'en' ? report.area.nameEn : report.area.name) : '';
  const weakSpots = report ? (showAll ? report.weakSpots : report.weakSpots.slice(0, FIRST_WEAK_SPOTS)) : [];

  return (
    <div className="district-panel" data-testid="district-panel">
      <h2 className="district-panel__title">{t('district.title')}</h2>
      <AreaPicker />
      <p className="district-panel__hint">{t('district.clickHint')}</p>
      {offerSelected && (
        <button
          type="button"
          className="district-button"
          onClick={() => setTarget({ kind: 'district', adcode: selectedAdcode })}
        >
          {t('district.openFromMap', { name: String(selectedName ?? selectedAdcode) })}
        </button>
      )}
      {target && (
        <>
          <div className="district-panel__area">
            <h3 data-testid="district-name">{areaName}</h3>
            <button type="button" className="district-link" onClick={() => setTarget(null)}>
              {t('district.close')}
            </button>
          </div>
          <CoverageGauge report={report} />
          {report && (
            <>
              <FigureTable rows={[...coverageRows(language, report), ...siteRows(language, report)]} />
              <h4 className="district-panel__subtitle">{t('district.weakSpots')}</h4>
              {report.coverage && report.weakSpots.length === 0 && <p>{t('district.noWeakSpots')}</p>}
              {weakSpots.length > 0 && (
                <WeakSpotTable
                  rows={weakSpots}
                  onPick={setHighlightedGap}
                  highlightedGapId={highlightedGapId}
                />
              )}
              {report.weakSpots.length > FIRST_WEAK_SPOTS && (
                <button type="button" className="district-link" onClick={() => setShowAll(!showAll)}>
                  {showAll
                    ? t('district.showFewer', { count: FIRST_WEAK_SPOTS })
                    : t('district.showAll', { count: report.weakSpots.length })}
                </button>
              )}
              <div className="district-panel__actions">
                <button
                  type="button"
                  className="district-button district-button--primary"
                  disabled={!report.coverage || reportStatus === 'preparing'}
                  onClick={requestReport}
                >
                  {reportStatus === 'preparing' ? t('district.preparingReport') : t('district.report')}
                </button>
                <button
                  type="button"
                  className="district-button"
                  disabled={!report.coverage}
                  onClick={() =>
                    downloadText(
                      weakSpotsCsv(report),
                      reportFileName(areaName, new Date().toISOString(), 'csv'),
                      'text/csv;charset=utf-8',
                    )
                  }
                >
                  {t('district.csv')}
                </button>
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}
