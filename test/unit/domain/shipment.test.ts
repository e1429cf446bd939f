import { INCOTERMS, isSeaOnly } from '../../../shared/domain/incoterms';
import { type Shipment, shipmentProblems, transportDocumentName } from '../../../shared/domain/shipment';

const SEA: Shipment = {
  carrier: 'Maersk',
  mode: 'SEA',
  transportDocumentNo: 'MAEU123456789',
  trackingNumber: 'MSKU1234567',
  etd: '2025-03-01',
  eta: '2025-04-02',
  portOfLoading: 'CNSHA',
  portOfDischarge: 'DEHAM',
};

const MODES = ['SEA', 'AIR', 'ROAD', 'RAIL'] as const;
const PAIRS = INCOTERMS.flatMap((code) => MODES.map((mode) => [code, mode] as const));

describe('shipment check', () => {
  it('accepts a sea shipment under FOB', () => {
    expect(shipmentProblems(SEA, 'FOB')).toEqual([]);
  });

  it.each(PAIRS)('%s by %s fits only when the rule allows the mode', (code, mode) => {
    // Act
    const problems = shipmentProblems({ ...SEA, mode }, code);

    // Assess
    const fits = mode === 'SEA' || !isSeaOnly(code);
    expect(problems).toEqual(
      fits
        ? []
        : [
            {
              field: 'mode',
              message: `${code} is for sea and inland waterway transport only; this shipment goes by ${mode}`,
            },
          ],
    );
  });

  it('refuses an arrival before the departure', () => {
    expect(shipmentProblems({ ...SEA, etd: '2025-03-10', eta: '2025-03-09' }, 'CIF')).toEqual([
      { field: 'eta', message: 'eta 2025-03-09 is before etd 2025-03-10' },
    ]);
  });

  it('accepts arrival on the day of departure, and compares times across zones', () => {
    expect(shipmentProblems({ ...SEA, mode: 'AIR', etd: '2025-03-10', eta: '2025-03-10' }, 'FCA')).toEqual(
      [],
    );
    expect(
      shipmentProblems(
        { ...SEA, mode: 'AIR', etd: '2025-03-10T08:00:00+08:00', eta: '2025-03-10T01:00:00+01:00' },
        'CPT',
      ),
    ).toEqual([]);
  });

  it('refuses dates that are not dates and an unknown mode', () => {
    // Act
    const problems = shipmentProblems({ ...SEA, mode: 'SPACE' as Shipment['mode'], etd: 'soon' }, 'DAP');

    // Assess
    expect(problems).toEqual([
      { field: 'mode', message: 'mode must be one of SEA, AIR, ROAD, RAIL' },
      { field: 'etd', message: 'etd "soon" is not a date' },
    ]);
  });

  it('names the transport document for each mode', () => {
    expect(MODES.map(transportDocumentName)).toEqual([
      'bill of lading (B/L)',
      'air waybill (AWB)',
      'CMR consignment note',
      'CIM consignment note',
    ]);
  });
});
