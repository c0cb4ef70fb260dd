import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';

import { coerceFields, coerceText, readBoolean, readText } from '../../shared/actions';
import { parseExtend, SETTING_LABELS, SPRITE_NUMBER_LABELS } from './submitRequest';
import type {
	SnapshotSettingsInput,
	SpriteInput,
	SubmitInput,
	UserDataInput,
} from './submitRequest';

function readUserData(this: IExecuteFunctions, i: number): UserDataInput {
	const raw = this.getNodeParameter('userData', i, {}) as IDataObject;
	let extend: JsonObject | undefined;
	try {
		extend = parseExtend(raw.extend);
	} catch (error) {
		throw new NodeOperationError(this.getNode(), error as Error, {
			itemIndex: i,
			message: `Extend is not a JSON object: ${(error as Error).message}`,
		});
	}
	const callbackUrl = coerceText('Callback URL', raw.callbackUrl ?? '').trim();
	return { extend, callbackUrl: callbackUrl === '' ? undefined : callbackUrl };
}

/** The item's Submit parameters, each read as the type its field declares. */
export function readSubmitInput(this: IExecuteFunctions, i: number, videoId: string): SubmitInput {
	const sprite = readBoolean.call(this, 'sprite', 'Sprite', i);
	return {
		videoId,
		snapshotTemplateId: readText.call(this, 'snapshotTemplateId', 'Snapshot Template ID', i),
		settings: coerceFields(this.getNodeParameter('snapshotSettings', i, {}) as IDataObject, {
			numbers: SETTING_LABELS,
		}) as SnapshotSettingsInput,
		sprite: sprite
			? (coerceFields(this.getNodeParameter('spriteSnapshotConfig', i, {}) as IDataObject, {
					numbers: SPRITE_NUMBER_LABELS,
					texts: { color: 'Sprite Color' },
				}) as SpriteInput)
			: undefined,
		userData: readUserData.call(this, i),
	};
}
