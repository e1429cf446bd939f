import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BankStatementError } from '../../../shared/bank/bank-transaction';
import { parseCamt053 } from '../../../shared/bank/camt053';
import { parseAmount } from '../../../shared/domain/money';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/bank', name), 'utf8');
const eur = (amount: string) => parseAmount(amount, 'EUR');

/** A minimal statement around the given entries, in the namespace of the version. */
const statement = (entries: string, version = '08') =>
  `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.${version}"><BkToCstmrStmt>` +
  `<GrpHdr><MsgId>1</MsgId></GrpHdr><Stmt><Id>1</Id><Acct><Id><IBAN>DE44500105175407324931</IBAN></Id></Acct>${entries}</Stmt></BkToCstmrStmt></Document>`;
const entry = (inner: string, amount = '100.00', ccy = 'EUR') =>
  `<Ntry><Amt Ccy="${ccy}">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-04-15</Dt></BookgDt>${inner}</Ntry>`;

describe('camt.053 import', () => {
  it('reads every entry of a .001.08 statement, a batched entry as one transaction per TxDtls', () => {
    // Act
    const txs = parseCamt053(fixture('camt053-v08.xml'));

    // Assess
    expect(txs.map((t) => [t.bankReference, t.creditDebit, t.amount.minor])).toEqual([
      ['2026041500001', 'CRDT', 1_250_000],
      ['2026041500002', 'CRDT', 840_000],
      ['2026041500003', 'CRDT', 200_000],
      ['2026041500004', 'CRDT', 315_000],
      ['2026041500005', 'CRDT', 473_500],
      ['2026041500006', 'CRDT', 99_000],
      ['2026041500007', 'DBIT', 3_500],
      ['2026041500008/1', 'CRDT', 600_000],
      ['2026041500008/2', 'CRDT', 300_000],
    ]);
  });

  it('reads dates, parties, references and remittance of an entry', () => {
    // Act
    const [first, second, , fourth, fifth] = parseCamt053(fixture('camt053-v08.xml'));

    // Assess
    expect(first).toEqual({
      bookingDate: '2026-04-15',
      valueDate: '2026-04-15',
      amount: eur('12500.00'),
      currency: 'EUR',
      creditDebit: 'CRDT',
      reversal: false,
      status: 'BOOK',
      bankReference: '2026041500001',
      endToEndId: 'ACME-PAY-7781',
      remittance: 'Order ord_01JQM9S346Q3D2 5VT4F5V37E3S full payment',
      counterpartyName: 'ACME TRADING GMBH',
      counterpartyIban: 'DE89370400440532013000',
      accountIban: 'DE44500105175407324931',
    });
    expect(second.remittance).toBe('INV-2026-000123'); // Strd/CdtrRefInf/Ref
    expect(second.endToEndId).toBeUndefined(); // NOTPROVIDED
    expect(fourth.valueDate).toBe('2026-04-16');
    expect(fifth.additionalInfo).toBe('SWIFT TRANSFER CHARGES OUR 15.00 EUR DEDUCTED');
  });

  it('reads the .001.02 layout: plain status, parties without Pty, batch amounts in AmtDtls', () => {
    // Act
    const txs = parseCamt053(fixture('camt053-v02.xml'));

    // Assess
    expect(txs).toHaveLength(3);
    expect(txs[0]).toMatchObject({
      status: 'BOOK',
      amount: eur('1405.31'),
      counterpartyName: '3rd Party Media B.V.',
      counterpartyIban: 'NL69ABNA0522123643',
      remittance: 'INV-2026-000150', // Strd/RfrdDocInf/Nb
      endToEndId: '115',
      additionalInfo: '/TRTP/SEPA OVERBOEKING',
    });
    expect(txs.slice(1).map((t) => [t.bankReference, t.creditDebit, t.amount, t.counterpartyName])).toEqual([
      ['NL-0416-0002/1', 'DBIT', eur('564.05'), 'Packaging Supplies B.V.'],
      ['NL-0416-0002/2', 'DBIT', eur('100.00'), 'Pallet Hire Ltd'],
    ]);
  });

  it('reads prefixed elements, DtTm dates, pending and reversed entries', () => {
    // Prepare
    const xml =
      '<ns2:Document xmlns:ns2="urn:iso:std:iso:20022:tech:xsd:camt.053.001.05"><ns2:BkToCstmrStmt><ns2:Stmt>' +
      '<ns2:Ntry><ns2:NtryRef>P1</ns2:NtryRef><ns2:Amt Ccy="JPY">150000</ns2:Amt><ns2:CdtDbtInd>CRDT</ns2:CdtDbtInd>' +
      '<ns2:RvslInd>true</ns2:RvslInd><ns2:Sts>PDNG</ns2:Sts><ns2:BookgDt><ns2:DtTm>2026-04-15T23:30:00+09:00</ns2:DtTm></ns2:BookgDt>' +
      '</ns2:Ntry></ns2:Stmt></ns2:BkToCstmrStmt></ns2:Document>';

    // Act
    const [tx] = parseCamt053(xml);

    // Assess
    expect(tx).toMatchObject({
      bankReference: 'P1',
      amount: { currency: 'JPY', minor: 150000 },
      status: 'PDNG',
      reversal: true,
      bookingDate: '2026-04-15',
      valueDate: '2026-04-15',
      remittance: '',
    });
  });

  it('gives entries without any reference a stable reference from their content, unique in the file', () => {
    // Prepare
    const same = entry('<NtryDtls><TxDtls><RmtInf><Ustrd>thanks</Ustrd></RmtInf></TxDtls></NtryDtls>');
    const xml = statement(same + same);

    // Act
    const first = parseCamt053(xml);
    const again = parseCamt053(xml);

    // Assess
    expect(first[0].bankReference).toMatch(/^content-[0-9a-f]{20}$/);
    expect(first[1].bankReference).toBe(`${first[0].bankReference}#2`);
    expect(again.map((t) => t.bankReference)).toEqual(first.map((t) => t.bankReference));
  });

  it('reports every bad entry, with where and what, and returns nothing', () => {
    // Prepare
    const xml = statement(
      entry('<AcctSvcrRef>OK</AcctSvcrRef>') +
        entry('<AcctSvcrRef>R2</AcctSvcrRef>', 'abc') +
        entry('<AcctSvcrRef>R3</AcctSvcrRef>', '1.005') +
        entry('', '5.00', 'XXY') +
        entry('').replace('<Dt>2026-04-15</Dt>', '<Dt>2026-02-30</Dt>') +
        entry(
          '<NtryDtls><TxDtls><Amt Ccy="EUR">60.00</Amt></TxDtls><TxDtls><Amt Ccy="EUR">30.00</Amt></TxDtls></NtryDtls>',
        ) +
        entry('<NtryDtls><TxDtls><Amt Ccy="EUR">60.00</Amt></TxDtls><TxDtls/></NtryDtls>') +
        entry('').replace('CRDT', 'CRED'),
    );

    // Act
    const act = () => parseCamt053(xml);

    // Assess
    expect(act).toThrow(BankStatementError);
    try {
      act();
    } catch (error) {
      expect((error as BankStatementError).problems).toEqual([
        "statement 1, entry 2 (R2): the entry amount 'abc' is not an amount",
        'statement 1, entry 3 (R3): the entry amount: EUR amounts have at most 2 decimal places; got "1.005"',
        'statement 1, entry 4: the entry amount has no valid currency (Ccy="XXY")',
        "statement 1, entry 5: booking date '2026-02-30' is not a date",
        'statement 1, entry 6: its 2 batched transactions add up to 9000 minor units, the entry to 10000',
        'statement 1, entry 7: batched transaction 2 has no amount',
        "statement 1, entry 8: CdtDbtInd 'CRED' is neither CRDT nor DBIT",
      ]);
      expect((error as BankStatementError).code).toBe('INVALID_BANK_STATEMENT');
    }
  });

  it.each([
    [
      'malformed XML',
      '<Document><BkToCstmrStmt></Document>',
      /not well-formed XML: line 1: <\/Document> does not close <BkToCstmrStmt>/,
    ],
    ['a DOCTYPE', '<!DOCTYPE Document [<!ENTITY a "aaaa">]><Document/>', /DTD declarations/],
    [
      'another message',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"/>',
      /this is a camt.054 message/,
    ],
    ['no statement', '<Document><BkToCstmrStmt><GrpHdr/></BkToCstmrStmt></Document>', /has no <Stmt>/],
    ['another root', '<Invoice/>', /expected <Document><BkToCstmrStmt>/],
    ['an empty file', '', /no root element/],
  ])('refuses %s with a clear error, never a raw parser error', (_case, xml, message) => {
    // Act
    const act = () => parseCamt053(xml);

    // Assess
    expect(act).toThrow(BankStatementError);
    expect(act).toThrow(message);
  });
});
