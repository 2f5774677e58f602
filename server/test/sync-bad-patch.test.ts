import { mutation } from './sync-helpers.js';
import {
  bagPatch,
  brewPatch,
  type Case,
  clock,
  ctx,
  DAY,
  fieldCase,
  newBagM,
  newBrewM,
  pushOf,
  runRefusals,
} from './sync-refusals.js';

// Patches refused by the shared validator (and the server's storability check), one field
// kind at a time; each names mutations[i].patch.<field> and writes nothing.
const CASES: Case[] = [
  // Patches: the shared validator, per entity and field kind.
  fieldCase(
    'unknown field',
    () => bagPatch({ color: 'red' }),
    'color',
    /mutations\[0\]\.patch\.color is not a field of bag/,
  ),
  fieldCase(
    'a field named like an Object method',
    () => bagPatch({ constructor: 'x' }),
    'constructor',
    /mutations\[0\]\.patch\.constructor is not a field of bag/,
  ),
  fieldCase(
    'bag created without a name',
    () => newBagM({ roaster: 'x' }),
    'name',
    /mutations\[0\]\.patch\.name is required/,
  ),
  fieldCase(
    'brew created without a bag',
    () => newBrewM({ doseG: 18 }),
    'bagId',
    /patch\.bagId is required/,
  ),
  fieldCase('blank name', () => bagPatch({ name: '   ' }), 'name', /patch\.name must not be empty/),
  fieldCase(
    'name of 121 characters',
    () => bagPatch({ name: 'n'.repeat(121) }),
    'name',
    /patch\.name must be at most 120/,
  ),
  fieldCase(
    'roaster of 81 characters',
    () => bagPatch({ roaster: 'r'.repeat(81) }),
    'roaster',
    /patch\.roaster must be at most 80/,
  ),
  fieldCase(
    'name as a number',
    () => bagPatch({ name: 7 }),
    'name',
    /patch\.name must be a string/,
  ),
  fieldCase(
    'unknown roast level',
    () => bagPatch({ roastLevel: 'burnt' }),
    'roastLevel',
    /patch\.roastLevel must be one of light/,
  ),
  fieldCase(
    'roast date that does not exist',
    () => bagPatch({ roastDate: '2026-02-30' }),
    'roastDate',
    /patch\.roastDate must be a date/,
  ),
  fieldCase(
    'roast date in the future',
    () => bagPatch({ roastDate: new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10) }),
    'roastDate',
    /patch\.roastDate must not be in the future/,
  ),
  fieldCase(
    'negative weight',
    () => bagPatch({ weightG: -1 }),
    'weightG',
    /patch\.weightG must be at least 0/,
  ),
  fieldCase(
    'weight over 5 kg',
    () => bagPatch({ weightG: 5000.5 }),
    'weightG',
    /patch\.weightG must be at most 5000/,
  ),
  fieldCase(
    'weight as a string',
    () => bagPatch({ weightG: '250' }),
    'weightG',
    /patch\.weightG must be a number/,
  ),
  fieldCase(
    'archived as a string',
    () => bagPatch({ archived: 'yes' }),
    'archived',
    /patch\.archived must be true or false/,
  ),
  fieldCase(
    'deletedAt not a timestamp',
    () => bagPatch({ deletedAt: 'yesterday' }),
    'deletedAt',
    /patch\.deletedAt must be an ISO timestamp/,
  ),
  fieldCase(
    'notes with a NUL character',
    () => bagPatch({ notes: 'a\u0000b' }),
    'notes',
    /patch\.notes must not contain NUL/,
  ),
  fieldCase(
    'notes with an unpaired surrogate',
    () => bagPatch({ notes: 'broken \ud83d emoji' }),
    'notes',
    /patch\.notes must not contain NUL or unpaired surrogates/,
  ),
  fieldCase(
    'rating off the half-star grid',
    () => brewPatch({ rating: 4.3 }),
    'rating',
    /patch\.rating must be a multiple of 0\.5/,
  ),
  fieldCase(
    'dose below 0.1 g',
    () => brewPatch({ doseG: 0 }),
    'doseG',
    /patch\.doseG must be at least 0\.1/,
  ),
  fieldCase(
    'temperature over 100 °C',
    () => brewPatch({ tempC: 101 }),
    'tempC',
    /patch\.tempC must be at most 100/,
  ),
  fieldCase(
    'unknown brew method',
    () => brewPatch({ method: 'aeropress' }),
    'method',
    /patch\.method must be one of espresso/,
  ),
  fieldCase(
    'bagId not a uuid',
    () => brewPatch({ bagId: 'bag-1' }),
    'bagId',
    /patch\.bagId must be the id of a bag/,
  ),
  fieldCase(
    'grind setting of 33 characters',
    () => brewPatch({ grindSetting: '1'.repeat(33) }),
    'grindSetting',
    /patch\.grindSetting must be at most 32/,
  ),
  fieldCase(
    'brewedAt without a zone',
    () => brewPatch({ brewedAt: '2026-11-26T10:00:00' }),
    'brewedAt',
    /patch\.brewedAt must be an ISO timestamp/,
  ),
  fieldCase(
    'clearing the name of an existing bag',
    () => mutation('bag', ctx.bagId, clock.now(), { name: null }),
    'name',
    /patch\.name is required/,
  ),
  {
    name: 'one bad mutation after a good one',
    request: () => pushOf([bagPatch({ name: 'Good' }), bagPatch({ weightG: 1e9 })]),
    status: 400,
    code: 'validation_failed',
    message: /mutations\[1\]\.patch\.weightG must be at most 5000/,
    field: [1, 'weightG'],
  },
];

runRefusals('refused patches', CASES);
