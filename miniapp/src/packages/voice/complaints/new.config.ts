export default definePageConfig({ navigationBarTitleText: '我要投诉或咨询' });
