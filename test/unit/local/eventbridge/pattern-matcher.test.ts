import {
  InvalidEventPatternError,
  matchesEventPattern,
  validateEventPattern,
} from '../../../../infra/local/eventbridge/pattern-matcher';

/**
 * The local matcher against AWS' documented examples (Amazon EventBridge user guide: "event patterns",
 * "content filtering", "null values and empty strings", "arrays"; the aws/event-ruler README that
 * documents the engine EventBridge runs), each with its documented result, plus the edge cases that
 * AWS' TestEventPattern answers (type strictness, missing fields, arrays of objects).
 */

// "Amazon EventBridge event patterns": the EC2 instance state-change event.
const ec2Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-12-22T18:43:48Z',
  region: 'us-west-1',
  resources: ['arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0'],
  detail: { 'instance-id': 'i-1234567890abcdef0', state: 'terminated' },
};

// The event the content-filtering examples are written against (event-ruler README).
const filteringEvent = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

// "Matching null values and empty strings": the Auto Scaling launch event.
const autoScalingEvent = {
  version: '0',
  id: '3e3c153a-8339-4e30-8c35-687ebef853fe',
  'detail-type': 'EC2 Instance Launch Successful',
  source: 'aws.autoscaling',
  account: '123456789012',
  time: '2015-11-11T21:31:47Z',
  region: 'us-east-1',
  resources: [],
  detail: { eventVersion: '', responseElements: null },
};

// "Example events and event patterns": the (truncated) Macie finding.
const macieEvent = {
  version: '0',
  id: '0948ba87-d3b8-c6d4-f2da-732a1example',
  'detail-type': 'Macie Finding',
  source: 'aws.macie',
  account: '123456789012',
  time: '2021-04-29T23:12:15Z',
  region: 'us-east-1',
  resources: [],
  detail: {
    schemaVersion: '1.0',
    id: '64b917aa-3843-014c-91d8-937ffexample',
    accountId: '123456789012',
    partition: 'aws',
    region: 'us-east-1',
    type: 'Policy:IAMUser/S3BucketEncryptionDisabled',
    title: 'Encryption is disabled for the S3 bucket',
    severity: { score: 1, description: 'Low' },
    createdAt: '2021-04-29T15:46:02Z',
    updatedAt: '2021-04-29T23:12:15Z',
    count: 2,
  },
};

// "Exists matching": the pending EC2 instance.
const pendingEvent = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2015-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: { 'instance-id': 'i-abcd1111', state: 'pending' },
};

// event-ruler README "JSON Array Matching".
const employeesEvent = {
  employees: [
    { firstName: 'John', lastName: 'Doe' },
    { firstName: 'Anna', lastName: 'Smith' },
    { firstName: 'Peter', lastName: 'Jones' },
  ],
};

function withDetail(detail: Record<string, unknown>) {
  return { ...filteringEvent, detail };
}

describe('matchesEventPattern on the documented examples', () => {
  it('selects EC2 instance-termination events with the "event patterns" example', () => {
    // Prepare
    const pattern = {
      source: ['aws.ec2'],
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['terminated'] },
    };

    // Act
    const terminated = matchesEventPattern(pattern, ec2Event);
    const running = matchesEventPattern(pattern, {
      ...ec2Event,
      detail: { ...ec2Event.detail, state: 'running' },
    });

    // Assess
    expect(terminated).toBe(true);
    expect(running).toBe(false);
  });

  it('matches EC2 or Fargate with an array of values for "source"', () => {
    // Prepare
    const pattern = { source: ['aws.ec2', 'aws.fargate'] };

    // Act / Assess
    expect(matchesEventPattern(pattern, ec2Event)).toBe(true);
    expect(matchesEventPattern(pattern, { ...ec2Event, source: 'aws.fargate' })).toBe(true);
    expect(matchesEventPattern(pattern, { ...ec2Event, source: 'aws.ecs' })).toBe(false);
  });

  it('needs every field of the pattern, with the same nesting, and ignores the others', () => {
    // Prepare
    const nested = { detail: { state: ['terminated'] } };
    const flattenedWrongly = { state: ['terminated'] };
    const missing = { detail: { 'availability-zone': ['us-west-1a'] } };

    // Act / Assess
    expect(matchesEventPattern(nested, ec2Event)).toBe(true);
    expect(matchesEventPattern(flattenedWrongly, ec2Event)).toBe(false);
    expect(matchesEventPattern(missing, ec2Event)).toBe(false);
  });

  it('matches the Auto Scaling event on a null value and on an empty string, which are not interchangeable', () => {
    // Prepare
    const nullPattern = {
      source: ['aws.autoscaling'],
      'detail-type': ['EC2 Instance Launch Successful'],
      detail: { responseElements: [null] },
    };
    const emptyPattern = { detail: { eventVersion: [''] } };

    // Act / Assess
    expect(matchesEventPattern(nullPattern, autoScalingEvent)).toBe(true);
    expect(matchesEventPattern(emptyPattern, autoScalingEvent)).toBe(true);
    expect(matchesEventPattern({ detail: { responseElements: [''] } }, autoScalingEvent)).toBe(false);
    expect(matchesEventPattern({ detail: { eventVersion: [null] } }, autoScalingEvent)).toBe(false);
    expect(matchesEventPattern({ detail: { responseElements: ['null'] } }, autoScalingEvent)).toBe(false);
  });

  it('matches the Macie finding on a nested severity score of 1 and a count of 2', () => {
    // Prepare
    const pattern = {
      source: ['aws.macie'],
      'detail-type': ['Macie Finding'],
      detail: { severity: { score: [1] }, count: [2] },
    };

    // Act
    const matched = matchesEventPattern(pattern, macieEvent);
    const otherScore = matchesEventPattern(pattern, {
      ...macieEvent,
      detail: { ...macieEvent.detail, severity: { score: 3, description: 'High' } },
    });

    // Assess
    expect(matched).toBe(true);
    expect(otherScore).toBe(false);
  });

  it('matches arrays when the pattern values and the event values intersect ("Arrays in event patterns")', () => {
    // Prepare
    const pattern = {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    };
    const asg =
      'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate';

    // Act
    const overlapping = matchesEventPattern(pattern, {
      resources: [asg, 'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f'],
    });
    const disjoint = matchesEventPattern(pattern, { resources: [asg] });

    // Assess
    expect(overlapping).toBe(true);
    expect(disjoint).toBe(false);
  });

  it('matches every simple rule of the event-ruler README on its example event', () => {
    // Prepare
    const patterns = [
      {
        'detail-type': ['EC2 Instance State-change Notification'],
        resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
        detail: { state: ['initializing', 'running'] },
      },
      { time: [{ prefix: '2017-10-02' }] },
      { source: [{ prefix: { 'equals-ignore-case': 'AWS.' } }] },
      { source: [{ suffix: 'ec2' }] },
      { source: [{ suffix: { 'equals-ignore-case': 'EC2' } }] },
      { source: [{ 'equals-ignore-case': 'AWS.EC2' }] },
      { detail: { state: [{ 'anything-but': 'initializing' }] } },
      { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
      { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
      { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
      { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
      { detail: { 'instance-id': [{ 'anything-but': { suffix: '1234' } }] } },
      { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }] } },
      {
        detail: {
          'c-count': [{ numeric: ['>', 0, '<=', 5] }],
          'd-count': [{ numeric: ['<', 10] }],
          'x-limit': [{ numeric: ['=', 3.018e2] }],
        },
      },
      { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
      { detail: { 'c-count': [{ exists: true }] } },
      { detail: { 'e-count': [{ exists: false }] } },
      {
        time: [{ prefix: '2017-10-02' }],
        detail: {
          state: [{ 'anything-but': 'initializing' }],
          'c-count': [{ numeric: ['>', 0, '<=', 5] }],
          'd-count': [{ numeric: ['<', 10] }],
          'x-limit': [{ 'anything-but': [100, 200, 300] }],
          'source-ip': [{ cidr: '10.0.0.0/8' }],
        },
      },
    ];

    // Act
    const results = patterns.map((pattern) => matchesEventPattern(pattern, filteringEvent));

    // Assess
    expect(results).toEqual(patterns.map(() => true));
  });
});

describe('exact values', () => {
  it('compares strings character by character, case-sensitively, without normalising', () => {
    // Prepare
    const text = 'A CamelCase string with an emoji 🚀 and trailing whitespace ';

    // Act / Assess
    expect(matchesEventPattern({ s: [text] }, { s: text })).toBe(true);
    expect(matchesEventPattern({ s: [text.trim()] }, { s: text })).toBe(false);
    expect(matchesEventPattern({ s: ['my-value'] }, { s: 'MY-VALUE' })).toBe(false);
    expect(matchesEventPattern({ MY_KEY: ['my-value'] }, { my_key: 'my-value' })).toBe(false);
  });

  it('compares numbers as numbers: 300 matches 300.0 and 3.0e2, but never the string "300"', () => {
    // Prepare: JSON text keeps the event's number spelling as written
    const pattern = '{ "number": [300] }';

    // Act / Assess
    expect(matchesEventPattern(pattern, '{ "number": 300 }')).toBe(true);
    expect(matchesEventPattern(pattern, '{ "number": 300.0 }')).toBe(true);
    expect(matchesEventPattern(pattern, '{ "number": 3.0e2 }')).toBe(true);
    expect(matchesEventPattern(pattern, '{ "number": "300" }')).toBe(false);
    expect(matchesEventPattern({ number: ['300'] }, { number: 300 })).toBe(false);
    expect(matchesEventPattern({ number: [300] }, { number: 300.5 })).toBe(false);
  });

  it('matches booleans and null only as themselves', () => {
    // Act / Assess
    expect(matchesEventPattern({ flag: [false] }, { flag: false })).toBe(true);
    expect(matchesEventPattern({ flag: [false] }, { flag: true })).toBe(false);
    expect(matchesEventPattern({ flag: [false] }, { flag: 'false' })).toBe(false);
    expect(matchesEventPattern({ flag: [true] }, { flag: 1 })).toBe(false);
    expect(matchesEventPattern({ value: [null] }, {})).toBe(false);
    expect(matchesEventPattern({ value: [null] }, { value: [] })).toBe(false);
  });

  it('takes the last of duplicate keys, as the content-filtering page documents', () => {
    // Prepare: only { "anything-but": "us-east" } counts for "location"
    const pattern =
      '{ "detail": { "location": [{ "prefix": "us-" }], "location": [{ "anything-but": "us-east" }] } }';

    // Act / Assess
    expect(matchesEventPattern(pattern, { detail: { location: 'eu-west' } })).toBe(true);
    expect(matchesEventPattern(pattern, { detail: { location: 'us-east' } })).toBe(false);
  });

  it('treats an IP address in a pattern as that address, however it is written', () => {
    // Act / Assess
    expect(
      matchesEventPattern({ ip: ['2001:db8::1'] }, { ip: '2001:0db8:0000:0000:0000:0000:0000:0001' }),
    ).toBe(true);
    expect(matchesEventPattern({ ip: ['10.0.0.1'] }, { ip: '10.0.0.1' })).toBe(true);
    expect(matchesEventPattern({ ip: ['10.0.0.1'] }, { ip: '10.0.0.2' })).toBe(false);
  });
});

describe('paths, nesting and arrays', () => {
  it('joins nested keys with dots, so a dotted key and a nested object name the same field', () => {
    // Act / Assess
    expect(
      matchesEventPattern(
        { detail: { state: { status: ['running'] } } },
        { detail: { 'state.status': 'running' } },
      ),
    ).toBe(true);
    expect(
      matchesEventPattern(
        { detail: { 'state.status': ['running'] } },
        { detail: { state: { status: 'running' } } },
      ),
    ).toBe(true);
    expect(
      matchesEventPattern(
        { detail: { state: { status: ['running'] } } },
        { detail: { 'state.status': { status: 'running' } } },
      ),
    ).toBe(false);
  });

  it('does not look inside a JSON string, nor match a leaf against an object', () => {
    // Act / Assess
    expect(
      matchesEventPattern({ detail: { 'my-key': ['my-value'] } }, { detail: '{"my-key": "my-value"}' }),
    ).toBe(false);
    expect(
      matchesEventPattern(
        { dynamodb: { presentKey: [{ exists: true }] } },
        { dynamodb: { presentKey: { S: 'x' } } },
      ),
    ).toBe(false);
    expect(
      matchesEventPattern(
        { dynamodb: { presentKey: { S: [{ exists: true }] } } },
        { dynamodb: { presentKey: { S: 'x' } } },
      ),
    ).toBe(true);
  });

  it('matches a field inside an array of objects as if the array were not there', () => {
    // Act / Assess
    expect(matchesEventPattern({ employees: { firstName: ['Anna'] } }, employeesEvent)).toBe(true);
    expect(matchesEventPattern({ employees: { firstName: ['Alice'] } }, employeesEvent)).toBe(false);
    expect(
      matchesEventPattern(
        { employees: { firstName: ['Anna'] } },
        {
          employees: [
            [employeesEvent.employees[0], employeesEvent.employees[1]],
            [employeesEvent.employees[2]],
          ],
        },
      ),
    ).toBe(true);
  });

  it('never combines fields from different elements of the same array (README: Anna / Jones)', () => {
    // Act / Assess
    expect(
      matchesEventPattern({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }, employeesEvent),
    ).toBe(true);
    expect(
      matchesEventPattern({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, employeesEvent),
    ).toBe(false);
  });

  it('checks existence per element of an array of objects', () => {
    // Prepare: the README's complex arrays, where Peter's ids are an empty array
    const event = {
      employees: [
        [
          { firstName: 'John', lastName: 'Doe', ids: [1234, 1000, 9999] },
          { firstName: 'Anna', lastName: 'Smith' },
        ],
        [{ firstName: 'Peter', lastName: 'Jones', ids: [] }],
      ],
    };

    // Act / Assess
    expect(matchesEventPattern({ employees: { firstName: ['John'], ids: [1000] } }, event)).toBe(true);
    expect(matchesEventPattern({ employees: { firstName: ['Anna'], ids: [1000] } }, event)).toBe(false);
    expect(matchesEventPattern({ employees: { firstName: ['Anna'], ids: [{ exists: false }] } }, event)).toBe(
      true,
    );
    expect(matchesEventPattern({ employees: { firstName: ['Anna'], ids: [{ exists: true }] } }, event)).toBe(
      false,
    );
    expect(matchesEventPattern({ employees: [{ exists: true }] }, event)).toBe(false);
    expect(
      matchesEventPattern(
        { detail: { automations: { id: [{ exists: true }] } } },
        {
          detail: { automations: [{ key1: 'v' }, { id: 'match-does-exist' }, { key2: 'v' }] },
        },
      ),
    ).toBe(true);
  });

  it('treats an empty array in the event as a missing field', () => {
    // Act / Assess
    expect(matchesEventPattern({ resources: [{ exists: true }] }, autoScalingEvent)).toBe(false);
    expect(matchesEventPattern({ resources: [{ exists: false }] }, autoScalingEvent)).toBe(true);
    expect(matchesEventPattern({ resources: [null] }, autoScalingEvent)).toBe(false);
  });
});

describe('prefix and suffix', () => {
  it('matches the documented prefixes: a date in "time" and European regions', () => {
    // Act / Assess
    expect(matchesEventPattern({ time: [{ prefix: '2017-10-02' }] }, filteringEvent)).toBe(true);
    expect(matchesEventPattern({ time: [{ prefix: '2017-10-03' }] }, filteringEvent)).toBe(false);
    const europe = { source: ['aws.autoscaling'], region: [{ prefix: 'eu-' }] };
    expect(matchesEventPattern(europe, { ...autoScalingEvent, region: 'eu-west-1' })).toBe(true);
    expect(matchesEventPattern(europe, autoScalingEvent)).toBe(false);
  });

  it('ignores case with equals-ignore-case inside prefix or suffix, and only then', () => {
    // Prepare
    const prefix = { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] };
    const suffix = { service: [{ suffix: { 'equals-ignore-case': 'tBridge' } }] };

    // Act / Assess
    expect(
      ['EventBridge', 'EVENTBRIDGE', 'eventbridge'].map((service) =>
        matchesEventPattern(prefix, { service }),
      ),
    ).toEqual([true, true, true]);
    expect(matchesEventPattern(prefix, { service: 'Event Bridge' })).toBe(false);
    expect(matchesEventPattern(suffix, { service: 'EVENTBRIDGE' })).toBe(true);
    expect(matchesEventPattern({ service: [{ prefix: 'EventB' }] }, { service: 'eventbridge' })).toBe(false);
  });

  it('matches the documented ".png" suffix, case-sensitively', () => {
    // Act / Assess
    expect(matchesEventPattern({ FileName: [{ suffix: '.png' }] }, { FileName: 'image.png' })).toBe(true);
    expect(matchesEventPattern({ FileName: [{ suffix: '.PNG' }] }, { FileName: 'image.png' })).toBe(false);
    expect(
      matchesEventPattern(
        { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] },
        { FileName: 'image.PNG' },
      ),
    ).toBe(true);
  });

  it('only applies to strings: an empty prefix matches any string but not a number or null', () => {
    // Act / Assess
    expect(matchesEventPattern({ v: [{ prefix: '' }] }, { v: 'anything' })).toBe(true);
    expect(matchesEventPattern({ v: [{ prefix: '' }] }, { v: 12 })).toBe(false);
    expect(matchesEventPattern({ v: [{ suffix: '' }] }, { v: null })).toBe(false);
    expect(matchesEventPattern({ v: [{ prefix: '1' }] }, { v: 12 })).toBe(false);
  });
});

describe('equals-ignore-case', () => {
  it('matches the documented detail-type regardless of case', () => {
    // Prepare
    const pattern = { 'detail-type': [{ 'equals-ignore-case': 'ec2 instance state-change notification' }] };

    // Act / Assess
    expect(matchesEventPattern(pattern, ec2Event)).toBe(true);
    expect(
      matchesEventPattern({ 'detail-type': [{ 'equals-ignore-case': 'I do not match' }] }, ec2Event),
    ).toBe(false);
  });

  it('needs the whole string, and matches an empty string only with an empty one', () => {
    // Act / Assess
    expect(matchesEventPattern({ v: [{ 'equals-ignore-case': 'abc' }] }, { v: 'ABCD' })).toBe(false);
    expect(matchesEventPattern({ v: [{ 'equals-ignore-case': '' }] }, { v: '' })).toBe(true);
    expect(matchesEventPattern({ v: [{ 'equals-ignore-case': '' }] }, { v: 'test-value' })).toBe(false);
    expect(matchesEventPattern({ v: [{ 'equals-ignore-case': '5' }] }, { v: 5 })).toBe(false);
  });
});

describe('wildcard', () => {
  it('matches any run of characters, none included, for each "*"', () => {
    // Act / Assess
    expect(
      matchesEventPattern({ source: [{ wildcard: 'Simple*Service' }] }, { source: 'SimpleQueueService' }),
    ).toBe(true);
    expect(
      matchesEventPattern({ source: [{ wildcard: 'Simple*Service' }] }, { source: 'SimpleService' }),
    ).toBe(true);
    expect(matchesEventPattern({ f: [{ wildcard: '*.png' }] }, { f: 'dir/a.png' })).toBe(true);
    expect(matchesEventPattern({ f: [{ wildcard: '*.png' }] }, { f: 'a.png.bak' })).toBe(false);
    expect(matchesEventPattern({ t: [{ wildcard: '*Title*' }] }, { t: 'The Title here' })).toBe(true);
    expect(matchesEventPattern({ f: [{ wildcard: 'dir/*.png' }] }, { f: 'dir/sub/a.png' })).toBe(true);
    expect(
      matchesEventPattern(
        { EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] },
        { EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/myEventBus' },
      ),
    ).toBe(true);
  });

  it('matches repeated sequences after a wildcard', () => {
    // Prepare
    const pattern = { FileName: [{ wildcard: '/Users/*/dir/dir/dir/dir/dir/doc.txt' }] };

    // Act / Assess
    expect(matchesEventPattern(pattern, { FileName: '/Users/ls_user/dir/dir/dir/dir/dir/doc.txt' })).toBe(
      true,
    );
    expect(
      matchesEventPattern(pattern, { FileName: '/Users/ls_user/dir/dir/dir/dir/otherdir/doc.txt' }),
    ).toBe(false);
  });

  it('reads \\* as a literal star and \\\\ as a literal backslash; no star means exact', () => {
    // Act / Assess
    expect(matchesEventPattern({ v: [{ wildcard: 'a\\*b' }] }, { v: 'a*b' })).toBe(true);
    expect(matchesEventPattern({ v: [{ wildcard: 'a\\*b' }] }, { v: 'axxb' })).toBe(false);
    expect(matchesEventPattern({ v: [{ wildcard: 'a\\\\b' }] }, { v: 'a\\b' })).toBe(true);
    expect(matchesEventPattern({ v: [{ wildcard: 'abc' }] }, { v: 'abc' })).toBe(true);
    expect(matchesEventPattern({ v: [{ wildcard: '' }] }, { v: 'abc' })).toBe(false);
    expect(matchesEventPattern({ v: [{ wildcard: '*' }] }, { v: 5 })).toBe(false);
  });
});

describe('anything-but', () => {
  it('matches anything except a string, a number, or lists of either', () => {
    // Act / Assess
    expect(
      matchesEventPattern(
        { detail: { state: [{ 'anything-but': 'initializing' }] } },
        withDetail({ state: 'pending' }),
      ),
    ).toBe(true);
    expect(
      matchesEventPattern(
        { detail: { state: [{ 'anything-but': 'initializing' }] } },
        withDetail({ state: 'initializing' }),
      ),
    ).toBe(false);
    expect(
      matchesEventPattern(
        { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
        withDetail({ 'x-limit': 123 }),
      ),
    ).toBe(false);
    expect(
      matchesEventPattern(
        { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
        withDetail({ state: 'stopped' }),
      ),
    ).toBe(false);
    expect(
      matchesEventPattern(
        { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
        withDetail({ 'x-limit': 999 }),
      ),
    ).toBe(true);
    expect(
      matchesEventPattern(
        { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
        withDetail({ 'x-limit': 300.0 }),
      ),
    ).toBe(false);
  });

  it('excludes by prefix, suffix, equals-ignore-case and wildcard, single or list', () => {
    // Prepare
    const cases: [Record<string, unknown>, string, boolean][] = [
      [{ prefix: 'init' }, 'post-init', true],
      [{ prefix: 'init' }, 'init-prefix', false],
      [{ prefix: ['init', 'post'] }, 'post-init', false],
      [{ suffix: '.txt' }, 'file.txt.bak', true],
      [{ suffix: '.txt' }, 'file.txt', false],
      [{ suffix: ['.txt', '.jpg'] }, 'file.jpg', false],
      [{ 'equals-ignore-case': 'initializing' }, 'pending', true],
      [{ 'equals-ignore-case': 'initializing' }, 'INITIALIZING', false],
      [{ 'equals-ignore-case': ['initializing', 'stopped'] }, 'Stopped', false],
      [{ wildcard: '*/lib/*' }, 'dir/init/file', true],
      [{ wildcard: '*/init/*' }, 'dir/init/file', false],
      [{ wildcard: ['*/init/*', '*/dir/*'] }, 'dir/post/dir', true],
      [{ wildcard: '' }, 'dir/init/file', true],
    ];

    // Act
    const results = cases.map(([excluded, value]) =>
      matchesEventPattern({ v: [{ 'anything-but': excluded }] }, { v: value }),
    );

    // Assess
    expect(results).toEqual(cases.map(([, , expected]) => expected));
  });

  it('needs the field to exist, but matches null and values of another type', () => {
    // Prepare
    const operands: unknown[] = [
      'initializing',
      ['stopped', 'running'],
      123,
      { prefix: 'init' },
      { suffix: '.txt' },
      { 'equals-ignore-case': 'x' },
      { wildcard: '*/dir/*' },
    ];

    // Act
    const missing = operands.map((operand) =>
      matchesEventPattern({ v: [{ 'anything-but': operand }] }, { w: 1 }),
    );
    const nulls = operands.map((operand) =>
      matchesEventPattern({ v: [{ 'anything-but': operand }] }, { v: null }),
    );

    // Assess
    expect(missing).toEqual(operands.map(() => false));
    expect(nulls).toEqual(operands.map(() => true));
    expect(matchesEventPattern({ v: [{ 'anything-but': { prefix: 'init' } }] }, { v: 12 })).toBe(true);
    expect(matchesEventPattern({ v: [{ 'anything-but': [111, 222, 333] }] }, { v: '444' })).toBe(true);
    expect(matchesEventPattern({ v: [{ 'anything-but': '101' }] }, { v: 101 })).toBe(true);
  });

  it('matches an array when any of its values is not excluded', () => {
    // Act / Assess
    expect(matchesEventPattern({ price: [{ 'anything-but': [100, 500] }] }, { price: [100, 50] })).toBe(true);
    expect(matchesEventPattern({ price: [{ 'anything-but': [100, 500] }] }, { price: [100, 500] })).toBe(
      false,
    );
  });

  it('combines with exists: false as documented alternatives', () => {
    // Prepare
    const pattern = {
      dynamodb: { NewImage: { homemade: { S: [{ 'anything-but': ['roses'] }, { exists: false }] } } },
    };

    // Act / Assess
    expect(matchesEventPattern(pattern, { dynamodb: { NewImage: { homemade: { S: 'ABCD' } } } })).toBe(true);
    expect(matchesEventPattern(pattern, { dynamodb: { NewImage: { homemade: { N: '789' } } } })).toBe(true);
    expect(matchesEventPattern(pattern, { dynamodb: { NewImage: { purchased: { N: '789' } } } })).toBe(true);
    expect(matchesEventPattern(pattern, { dynamodb: { NewImage: { homemade: { S: 'roses' } } } })).toBe(
      false,
    );
  });
});

describe('numeric', () => {
  it('matches the documented ranges and equality (3.018e2 is 301.8)', () => {
    // Prepare
    const pattern = {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    };

    // Act / Assess
    expect(matchesEventPattern(pattern, withDetail({ 'c-count': 3, 'd-count': 9, 'x-limit': 301.8 }))).toBe(
      true,
    );
    expect(matchesEventPattern(pattern, withDetail({ 'c-count': 42, 'd-count': 9, 'x-limit': 301.8 }))).toBe(
      false,
    );
    expect(matchesEventPattern(pattern, withDetail({ 'c-count': 0, 'd-count': 9, 'x-limit': 301.8 }))).toBe(
      false,
    );
  });

  it('honours open and closed bounds', () => {
    // Prepare
    const cases: [unknown[], number, boolean][] = [
      [['<', 200], 200, false],
      [['<=', 200], 200, true],
      [['>', 200], 200, false],
      [['>=', 200], 200, true],
      [['>=', 200, '<=', 500], 500, true],
      [['>', 200, '<', 500], 500, false],
      [['>', -1.5, '<', 0], -0.000001, true],
      [['>=', 99.999, '<=', 100], 100, true],
      [['>', 124, '<', 125], 125, false],
      [['=', 100], 100.0, true],
    ];

    // Act
    const results = cases.map(([operands, value]) =>
      matchesEventPattern({ n: [{ numeric: operands }] }, { n: value }),
    );

    // Assess
    expect(results).toEqual(cases.map(([, , expected]) => expected));
  });

  it('only matches JSON numbers: never strings, null or booleans', () => {
    // Prepare
    const pattern = { number: [{ numeric: ['>', 100] }] };

    // Act / Assess
    expect(matchesEventPattern(pattern, '{ "number": 101.0 }')).toBe(true);
    expect(matchesEventPattern(pattern, { number: '300' })).toBe(false);
    expect(matchesEventPattern(pattern, { number: null })).toBe(false);
    expect(matchesEventPattern(pattern, { number: true })).toBe(false);
    expect(matchesEventPattern(pattern, { number: [5, 150] })).toBe(true);
  });

  it('is an alternative like any other: numeric or anything-but', () => {
    // Prepare
    const pattern = { n: [{ numeric: ['>', 100] }, { 'anything-but': '101' }] };

    // Act / Assess
    expect(matchesEventPattern(pattern, { n: '42' })).toBe(true);
    expect(matchesEventPattern(pattern, { n: '101' })).toBe(false);
    expect(matchesEventPattern(pattern, { n: 101 })).toBe(true);
  });
});

describe('cidr', () => {
  it('matches the documented IPv4 block 10.0.0.0/24', () => {
    // Prepare
    const pattern = { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } };

    // Act / Assess
    expect(matchesEventPattern(pattern, withDetail({ sourceIPAddress: '10.0.0.255' }))).toBe(true);
    expect(matchesEventPattern(pattern, withDetail({ sourceIPAddress: '10.0.0.0' }))).toBe(true);
    expect(matchesEventPattern(pattern, withDetail({ sourceIPAddress: '10.0.1.0' }))).toBe(false);
    expect(matchesEventPattern(pattern, withDetail({ sourceIPAddress: '10.0.0.256' }))).toBe(false);
    expect(matchesEventPattern(pattern, withDetail({ sourceIPAddress: 'not an ip' }))).toBe(false);
    expect(matchesEventPattern(pattern, withDetail({ sourceIPAddress: 123 }))).toBe(false);
  });

  it('matches IPv6 blocks whatever the address notation', () => {
    // Prepare
    const pattern = { ip: [{ cidr: '2001:db8:1234:1a00::/64' }] };

    // Act / Assess
    expect(matchesEventPattern(pattern, { ip: '2001:0db8:1234:1a00:0000:0000:0000:0000' })).toBe(true);
    expect(matchesEventPattern(pattern, { ip: '2001:db8:1234:1a00:ffff::1' })).toBe(true);
    expect(matchesEventPattern(pattern, { ip: '2001:0db8:123f:1a01:0000:0000:0000:0000' })).toBe(false);
    expect(matchesEventPattern(pattern, { ip: '10.0.0.1' })).toBe(false);
  });

  it('keeps the network bits of a block written with host bits set', () => {
    // Act / Assess
    expect(matchesEventPattern({ ip: [{ cidr: '10.0.0.33/8' }] }, { ip: '10.200.1.1' })).toBe(true);
    expect(matchesEventPattern({ ip: [{ cidr: '10.0.0.33/8' }] }, { ip: '11.0.0.1' })).toBe(false);
  });
});

describe('exists', () => {
  it('matches the documented exists: true example, and not an event whose field is an object', () => {
    // Prepare
    const pattern = { detail: { state: [{ exists: true }] } };

    // Act / Assess
    expect(matchesEventPattern(pattern, pendingEvent)).toBe(true);
    expect(matchesEventPattern(pattern, { ...pendingEvent, detail: { 'c-count': { c1: 100 } } })).toBe(false);
  });

  it('matches a missing field with exists: false, also when the field is an object (not a leaf)', () => {
    // Prepare
    const pattern = { detail: { 'c-count': [{ exists: false }] } };

    // Act / Assess
    expect(matchesEventPattern(pattern, pendingEvent)).toBe(true);
    expect(matchesEventPattern(pattern, { ...pendingEvent, detail: { 'c-count': { c1: 100 } } })).toBe(true);
    expect(matchesEventPattern(pattern, filteringEvent)).toBe(false);
  });

  it('counts a null value as present', () => {
    // Act / Assess
    expect(matchesEventPattern({ detail: { responseElements: [{ exists: true }] } }, autoScalingEvent)).toBe(
      true,
    );
    expect(matchesEventPattern({ detail: { responseElements: [{ exists: false }] } }, autoScalingEvent)).toBe(
      false,
    );
  });

  it('matches exists: false under a parent that is missing altogether', () => {
    // Prepare
    const pattern = { detail: { level1: { level2: { level3: { level4: [{ exists: false }] } } } } };

    // Act / Assess
    expect(matchesEventPattern(pattern, { detail: { level1: { level2: 'l2 value' } } })).toBe(true);
    expect(
      matchesEventPattern(pattern, { detail: { level1: { level2: { level3: { level4: 'l4 value' } } } } }),
    ).toBe(false);
  });

  it('is one alternative among others: exists: true with prefixes that would not match', () => {
    // Act / Assess
    expect(
      matchesEventPattern(
        { my_key: [{ exists: true }, { prefix: 'IGNORED' }, { suffix: 'IGNORED' }] },
        { my_key: 'my-value' },
      ),
    ).toBe(true);
  });
});

describe('$or', () => {
  it('matches the documented $or on c-count, d-count or x-limit', () => {
    // Prepare
    const pattern = {
      detail: {
        $or: [
          { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
          { 'd-count': [{ numeric: ['<', 10] }] },
          { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
        ],
      },
    };

    // Act / Assess
    expect(matchesEventPattern(pattern, withDetail({ 'c-count': 0, 'd-count': 0, 'x-limit': 901.8 }))).toBe(
      true,
    );
    expect(matchesEventPattern(pattern, withDetail({ 'c-count': 0, 'd-count': 10, 'x-limit': 301.8 }))).toBe(
      true,
    );
    expect(matchesEventPattern(pattern, withDetail({ 'c-count': 0, 'd-count': 10, 'x-limit': 901.8 }))).toBe(
      false,
    );
  });

  it('combines with the fields around it: source AND (metricName OR namespace)', () => {
    // Prepare
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    };

    // Act / Assess
    expect(matchesEventPattern(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/ES' })).toBe(true);
    expect(matchesEventPattern(pattern, { source: 'aws.ec2', namespace: 'AWS/ES' })).toBe(false);
    expect(matchesEventPattern(pattern, { source: 'aws.cloudwatch', metricName: 'Other' })).toBe(false);
  });

  it('supports parallel $or at different levels and nested $or with AND inside', () => {
    // Prepare
    const parallel = {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    };
    const nested = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        {
          metricType: ['MetricType'],
          namespace: ['AWS/EC2', 'AWS/ES'],
          $or: [{ metricId: [1234] }, { spaceId: [1000] }],
        },
        { scope: ['Service'] },
      ],
    };

    // Act / Assess
    expect(
      matchesEventPattern(parallel, {
        namespace: 'AWS/EC2',
        detail: { 'detail-type': 'CloudWatch Alarm State Change' },
      }),
    ).toBe(true);
    expect(matchesEventPattern(parallel, { namespace: 'AWS/EC2', detail: { source: 'aws.ec2' } })).toBe(
      false,
    );
    const base = { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2' };
    expect(matchesEventPattern(nested, { ...base, spaceId: 1000 })).toBe(true);
    expect(matchesEventPattern(nested, { ...base, spaceId: 1001 })).toBe(false);
    expect(matchesEventPattern(nested, { source: 'aws.cloudwatch', scope: 'Service' })).toBe(true);
  });
});

describe('validateEventPattern', () => {
  it('accepts every documented pattern', () => {
    // Prepare
    const patterns: unknown[] = [
      {
        source: ['aws.ec2'],
        'detail-type': ['EC2 Instance State-change Notification'],
        detail: { state: ['terminated'] },
      },
      { detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }] } },
      { detail: { state: [{ 'anything-but': { wildcard: ['*/bin/*.jar', '*/bin/*.class'] } }] } },
      { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } },
      { detail: { 'source-ip': [{ cidr: '2001:db8::/32' }] } },
      { detail: { $or: [{ a: [1] }, { b: [{ exists: false }] }] } },
      '{ "source": ["aws.ec2"] }',
    ];

    // Act / Assess
    for (const pattern of patterns) expect(() => validateEventPattern(pattern)).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    ['not an object', ['not', 'a', 'dict'], 'Filter is not an object'],
    ['invalid JSON text', "{'bad': 'quotation'}", 'Event pattern is not valid'],
    ['an empty pattern', {}, 'Empty objects are not allowed'],
    ['an empty nested object', { detail: {} }, 'Empty objects are not allowed'],
    ['a string leaf', { string: 'my-value' }, '"string" must be an object or an array'],
    ['a number leaf', { int: 42 }, '"int" must be an object or an array'],
    ['an empty array', { resources: [] }, 'Empty arrays are not allowed'],
    ['an array in a leaf', { a: [['x']] }, 'Match value must be String, number, true, false, or null'],
    ['an empty match expression', { a: [{}] }, 'Match expression name not found'],
    ['an unknown operator', { a: [{ contains: 'x' }] }, 'Unrecognized match type contains'],
    ['an operator in capitals', { my_key: [{ EXISTS: true }] }, 'Unrecognized match type EXISTS'],
    [
      'two operators in one expression',
      { a: [{ prefix: 'a', suffix: 'b' }] },
      'Only one key allowed in match expression',
    ],
    ['a number prefix', { time: [{ prefix: 123 }] }, 'prefix match pattern must be a string'],
    ['a list of prefixes', { time: [{ prefix: ['2022-07-13'] }] }, 'prefix match pattern must be a string'],
    [
      'prefix with another option',
      { a: [{ prefix: { wildcard: 'x' } }] },
      'Unsupported prefix pattern: wildcard',
    ],
    ['a list suffix', { FileName: [{ suffix: ['.png'] }] }, 'suffix match pattern must be a string'],
    [
      'a list equals-ignore-case',
      { a: [{ 'equals-ignore-case': ['x'] }] },
      'equals-ignore-case match pattern must be a string',
    ],
    ['a number wildcard', { a: [{ wildcard: 123 }] }, 'wildcard match pattern must be a string'],
    [
      'consecutive wildcards',
      { a: [{ wildcard: 'arn:aws:events:us-east-1:**:event-bus/*' }] },
      'Consecutive wildcard characters at pos 26',
    ],
    ['a bad wildcard escape', { a: [{ wildcard: 'a\\db' }] }, 'Invalid escape character at pos 2'],
    [
      'anything-but null',
      { a: [{ 'anything-but': null }] },
      'Value of anything-but must be an array or single string/number value.',
    ],
    [
      'anything-but with null in a list',
      { a: [{ 'anything-but': ['stopped', null] }] },
      'start|null|boolean is not supported',
    ],
    ['anything-but of mixed types', { a: [{ 'anything-but': ['a', 1] }] }, 'mixed type is not supported'],
    ['an empty anything-but list', { a: [{ 'anything-but': [] }] }, 'mixed type is not supported'],
    [
      'anything-but an empty prefix',
      { a: [{ 'anything-but': { prefix: '' } }] },
      'Null prefix/suffix not allowed',
    ],
    [
      'anything-but a number suffix',
      { a: [{ 'anything-but': { suffix: 123 } }] },
      'prefix/suffix match pattern must be a string',
    ],
    [
      'anything-but numeric',
      { a: [{ 'anything-but': { numeric: ['>', 1] } }] },
      'Unsupported anything-but pattern: numeric',
    ],
    [
      'anything-but prefix ignoring case',
      { a: [{ 'anything-but': { prefix: { 'equals-ignore-case': 'file' } } }] },
      'Value of anything-but must be an array or single string/number value.',
    ],
    [
      'anything-but equals-ignore-case of numbers',
      { a: [{ 'anything-but': { 'equals-ignore-case': [123, 456] } }] },
      'number|start|null|boolean is not supported',
    ],
    [
      'anything-but a bad wildcard',
      { a: [{ 'anything-but': { wildcard: 'a**' } }] },
      'Consecutive wildcard characters',
    ],
    ['numeric not a list', { a: [{ numeric: 10 }] }, 'Value of numeric must be an array.'],
    [
      'numeric with two lower bounds',
      { a: [{ numeric: ['>', 0, '>', 0] }] },
      'Bad numeric range operator: >',
    ],
    ['numeric missing a bound', { a: [{ numeric: ['>', 0, '<'] }] }, 'Value of < must be numeric'],
    [
      'numeric upper bound first',
      { a: [{ numeric: ['<', 5, '>', 1] }] },
      'Too many elements in numeric expression',
    ],
    ['numeric equals a string', { a: [{ numeric: ['=', '5'] }] }, 'Value of equals must be numeric'],
    ['numeric with an empty range', { a: [{ numeric: ['>', 5, '<', 1] }] }, 'Bottom must be less than top'],
    [
      'numeric with an unknown operator',
      { a: [{ numeric: ['!=', 1] }] },
      'Unrecognized numeric range operator: !=',
    ],
    ['numeric in capitals', { a: [{ NUMERIC: ['=', 5] }] }, 'Unrecognized match type NUMERIC'],
    [
      'exists not a boolean',
      { a: [{ exists: 'yes' }] },
      'exists match pattern must be either true or false.',
    ],
    ['cidr not a string', { a: [{ cidr: ['bad-type'] }] }, 'cidr match pattern must be a string'],
    ['cidr without a slash', { a: [{ cidr: 'bad-filter' }] }, "Malformed CIDR, one '/' required"],
    [
      'cidr with a bad mask',
      { a: [{ cidr: 'bad-/64filter' }] },
      'Malformed CIDR, mask bits must be an integer',
    ],
    ['cidr with a bad address', { a: [{ cidr: 'xx.11.xx/8' }] }, 'Nonstandard IP address: xx.11.xx'],
    ['cidr with a bad IPv6 address', { a: [{ cidr: 'xxxx:db8:1234:1a00::/64' }] }, 'Nonstandard IP address'],
    ['cidr with too many mask bits', { a: [{ cidr: '10.0.0.0/33' }] }, 'IPv4 mask bits must be < 32'],
    ['$or not a list', { $or: { a: ['x'] } }, 'It must be an Array followed with $or.'],
    [
      '$or with one object',
      { $or: [{ a: ['x'] }] },
      'There must have at least 2 Objects in $or relationship.',
    ],
    [
      '$or with a non-object',
      { $or: [{ a: ['x'] }, 'b'] },
      'Only JSON object is allowed in array of $or relationship.',
    ],
    [
      'an operator name inside $or',
      { $or: [{ numeric: [123] }, { prefix: ['abc'] }] },
      'numeric is Ruler reserved fieldName',
    ],
  ])('refuses %s', (_label, pattern, reason) => {
    // Act
    const attempt = () => validateEventPattern(pattern);

    // Assess
    expect(attempt).toThrow(InvalidEventPatternError);
    expect(attempt).toThrow(reason);
  });

  it('refuses $or that expand to more than 1000 combinations', () => {
    // Prepare: 4 independent $or of 6 alternatives = 1296 combinations
    const or = (field: string) => ({ $or: [1, 2, 3, 4, 5, 6].map((n) => ({ [field]: [n] })) });
    const pattern = { a: or('x'), b: or('y'), c: or('z'), d: or('w') };

    // Act
    const attempt = () => validateEventPattern(pattern);

    // Assess
    expect(attempt).toThrow('more than 1000 rule combinations');
    expect(() => validateEventPattern({ a: or('x'), b: or('y'), c: or('z') })).not.toThrow();
  });

  it('reports the error like InvalidEventPatternException, naming where it is', () => {
    // Act
    let caught: unknown;
    try {
      validateEventPattern({ detail: { state: [{ prefix: 1 }] } });
    } catch (error) {
      caught = error;
    }

    // Assess
    expect(caught).toBeInstanceOf(InvalidEventPatternError);
    const error = caught as InvalidEventPatternError;
    expect(error.code).toBe('InvalidEventPatternException');
    expect(error.reason).toBe('prefix match pattern must be a string');
    expect(error.at).toBe('detail.state');
    expect(error.message).toBe(
      'Event pattern is not valid. Reason: prefix match pattern must be a string (at detail.state)',
    );
  });

  it('makes matchesEventPattern throw too, and refuses an event that is not an object', () => {
    // Act / Assess
    expect(() => matchesEventPattern({ a: 'x' }, { a: 'x' })).toThrow(InvalidEventPatternError);
    expect(() => matchesEventPattern({ a: ['x'] }, ['x'])).toThrow('the event must be a JSON object');
  });
});
