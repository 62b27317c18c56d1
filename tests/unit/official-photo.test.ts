import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { testServer } from './support/server-harness';

// An official's photo as a phone takes it: large, turned by its EXIF orientation, carrying the
// camera's and the place's data. The kiosks get a small upright JPEG with nothing else in it.

const dataUrl = (type: string, bytes: Buffer) => `data:image/${type};base64,${bytes.toString('base64')}`;

describe('officials’ photos, resized and stripped on the server', () => {
  it('makes any JPEG, PNG or WebP a 256×256 JPEG without EXIF; refuses what is not an image, a bomb, and more than 5 MB', async () => {
    const server = await testServer('sqlite');
    try {
      const admin = await server.login();
      const put = (photo: string) =>
        server.app.inject({
          method: 'PUT',
          url: '/api/v1/admin/officials/hang-bac-cb-1',
          headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
          payload: { photo },
        });
      const stored = async () =>
        (await server.store.db.selectFrom('officials').select('photo').where('id', '=', 'hang-bac-cb-1').executeTakeFirstOrThrow()).photo!;

      // A 3000×2000 phone photo, stored turned (EXIF orientation 6), with a copyright and a comment.
      const phone = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#3366aa' } })
        .jpeg()
        .withMetadata({
          orientation: 6,
          exif: { IFD0: { Copyright: 'Máy ảnh của anh Bình', ImageDescription: 'Nhà riêng, 10.77N 106.70E' } },
        })
        .toBuffer();
      expect((await sharp(phone).metadata()).exif).toBeDefined();
      expect((await put(dataUrl('jpeg', phone))).statusCode).toBe(200);
      const photo = await stored();
      expect(photo).toMatch(/^data:image\/jpeg;base64,/);
      expect(photo.length).toBeLessThan(150_000);
      const kept = await sharp(Buffer.from(photo.split(',')[1]!, 'base64')).metadata();
      expect([kept.format, kept.width, kept.height]).toEqual(['jpeg', 256, 256]);
      expect(kept.exif).toBeUndefined();
      expect(kept.orientation).toBeUndefined();
      expect(Buffer.from(photo.split(',')[1]!, 'base64').toString('latin1')).not.toContain('Nhà riêng');

      for (const [type, image] of [
        [
          'png',
          await sharp({ create: { width: 400, height: 300, channels: 4, background: '#ff000080' } })
            .png()
            .toBuffer(),
        ],
        [
          'webp',
          await sharp({ create: { width: 300, height: 400, channels: 3, background: '#00ff00' } })
            .webp()
            .toBuffer(),
        ],
      ] as const) {
        expect((await put(dataUrl(type, image))).statusCode).toBe(200);
        expect(await stored()).toMatch(/^data:image\/jpeg;base64,/);
      }

      const before = await stored();
      const refused: [string, string, number, string][] = [
        ['text called a PNG', dataUrl('png', Buffer.from('<script>alert(1)</script>')), 400, 'not_an_image'],
        [
          'a GIF called a JPEG',
          dataUrl(
            'jpeg',
            await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
              .gif()
              .toBuffer(),
          ),
          400,
          'not_an_image',
        ],
        ['an SVG', dataUrl('png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), 400, 'not_an_image'],
        // A decompression bomb: a few kilobytes of PNG, 100 million pixels once decoded.
        [
          'a bomb',
          dataUrl(
            'png',
            await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: '#fff' } })
              .png({ compressionLevel: 9 })
              .toBuffer(),
          ),
          400,
          'not_an_image',
        ],
      ];
      for (const [what, photo, status, code] of refused) {
        const res = await put(photo);
        expect([what, res.statusCode, res.json().error.code]).toEqual([what, status, code]);
      }
      const huge = await put(dataUrl('jpeg', Buffer.alloc(6 * 1024 * 1024, 0xff)));
      expect(huge.statusCode).toBe(413);
      const fifty = await put(`data:image/jpeg;base64,${'A'.repeat(50 * 1024 * 1024)}`);
      expect(fifty.statusCode).toBe(413);
      expect(await stored()).toBe(before);
    } finally {
      await server.close();
    }
  });
});
